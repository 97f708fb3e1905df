package io.stipple.notification.repository;

import io.stipple.notification.domain.Channel;
import io.stipple.notification.domain.ClientContact;
import io.stipple.notification.domain.ClientKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The client projection: contact details ({@code client_contact}) and the clinic's erasure markers
 * ({@code erased_client}), inside the caller's transaction — plus the dispatcher's read of what each recipient allows
 * (plain JDBC, like the rest of the dispatcher's statements).
 */
@ApplicationScoped
public class ClientContactRepository {

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    /** This clinic's row for the client, if the clinic knows the client. */
    public Optional<ClientContact> find(UUID clinicId, UUID clientId) {
        return ClientContact.findByIdOptional(new ClientKey(clinicId, clientId));
    }

    public void add(ClientContact contact) {
        contact.persist();
    }

    /** The clinic erased the client. */
    public boolean isErased(UUID clinicId, UUID clientId) {
        return !em.createNativeQuery("select 1 from erased_client where clinic_id = :clinic and client_id = :id")
                .setParameter("clinic", clinicId).setParameter("id", clientId).getResultList().isEmpty();
    }

    /** Records that the clinic erased the client (once). */
    public void markErased(UUID clinicId, UUID clientId, Instant erasedAt) {
        em.createNativeQuery("""
                        insert into erased_client (clinic_id, client_id, erased_at) values (:clinic, :id, :at)
                        on conflict do nothing""")
                .setParameter("id", clientId).setParameter("clinic", clinicId)
                .setParameter("at", erasedAt).executeUpdate();
    }

    /** Erasure: the clinic's contact row of the client goes. */
    public void deleteClient(UUID clinicId, UUID clientId) {
        em.createNativeQuery("delete from client_contact where clinic_id = :clinic and client_id = :id")
                .setParameter("clinic", clinicId).setParameter("id", clientId).executeUpdate();
    }

    /** What the recipient allows, as far as known, and where they are (IANA zone, null when not told). */
    public record Reachable(String firstName, String email, String phone, boolean marketing, List<Channel> optedOut,
                            boolean tips, String timeZone) {
    }

    /**
     * The contact and choices of each client, as its own clinic knows them (never another's); a client without
     * contact details is absent. One statement on its own connection (the dispatcher's).
     */
    public Map<ClientKey, Reachable> reachable(List<ClientKey> keys) {
        Map<ClientKey, Reachable> contacts = new HashMap<>();
        if (keys.isEmpty()) return contacts;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     select c.clinic_id, c.client_id, c.first_name, c.email, c.phone, (c.marketing_opt_in or c.marketing_consent),
                            p.opted_out_channel_list, coalesce(p.maintenance_tips, true), c.time_zone
                     from unnest(?::uuid[], ?::uuid[]) as k(clinic_id, client_id)
                     join client_contact c on c.clinic_id = k.clinic_id and c.client_id = k.client_id
                     left join client_preference p on p.clinic_id = c.clinic_id and p.client_id = c.client_id""")) {
            statement.setArray(1, connection.createArrayOf("uuid", keys.stream().map(k -> k.clinicId).toArray()));
            statement.setArray(2, connection.createArrayOf("uuid", keys.stream().map(k -> k.clientId).toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    contacts.put(new ClientKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)), new Reachable(
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), channels(rs.getArray(7)),
                            rs.getBoolean(8), rs.getString(9)));
                }
            }
        } catch (SQLException e) {
            throw new JdbcFailure(e);
        }
        return contacts;
    }

    /** A {@code text[]} of channel names (null for a client without preferences: none opted out). */
    private static List<Channel> channels(Array names) throws SQLException {
        return names == null ? List.of() : Channel.fromNames(Arrays.asList((String[]) names.getArray()));
    }
}
