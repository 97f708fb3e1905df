package io.stipple.testinfra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Checks, from outside the service, that PostgreSQL itself keeps clinics apart in a service's database: it
 * connects as the service's runtime role and runs queries with <b>no clinic filter at all</b>.
 *
 * <ul>
 *     <li>the runtime role is no superuser, cannot bypass RLS and owns no table;</li>
 *     <li>every table has Row-Level Security enabled and forced with a policy, or says in its comment why it holds
 *     no clinic's data ({@code stipple:global ...}); Flyway's history is the only other exception;</li>
 *     <li>with no clinic set, every protected table looks empty;</li>
 *     <li>for each clinic that has rows (up to five per table), {@code select count(*) from t} run as that clinic
 *     sees exactly that clinic's rows and not one row of another clinic;</li>
 *     <li>a stranger clinic sees nothing.</li>
 * </ul>
 *
 * Use it at the end of a service's integration tests, after real data of several clinics exists, and assert
 * {@link Report#problems()} is empty and {@link Report#rowsPerTable()} shows the tables that had data.
 */
public final class TenancyProbe {

    private TenancyProbe() {
    }

    /** What the probe saw. */
    public record Report(List<String> problems, Map<String, Long> rowsPerTable, Map<String, Integer> clinicsPerTable,
                         List<String> globalTables) {
        public long totalRows() {
            return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return "TenancyProbe: " + rowsPerTable.size() + " protected tables, " + totalRows() + " rows of "
                    + clinicsPerTable.values().stream().mapToInt(Integer::intValue).max().orElse(0)
                    + " clinic(s) at most per table, global tables " + globalTables + ", problems " + problems;
        }
    }

    public static Report check(String jdbcUrl, String runtimeUser, String runtimePassword) {
        List<String> problems = new ArrayList<>();
        Map<String, Long> rows = new LinkedHashMap<>();
        Map<String, Integer> clinics = new LinkedHashMap<>();
        List<String> global = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, runtimeUser, runtimePassword)) {
            c.setAutoCommit(true);
            checkRole(c, problems);
            List<String> protectedTables = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select c.relname, c.relrowsecurity, c.relforcerowsecurity,
                           exists (select 1 from pg_policy p where p.polrelid = c.oid) as has_policy,
                           exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'clinic_id'
                                   and not a.attisdropped) as has_clinic,
                           coalesce(obj_description(c.oid, 'pg_class'), '') as comment
                    from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = current_schema() and c.relkind in ('r', 'p')
                      and c.relname <> 'flyway_schema_history'
                    order by c.relname""")) {
                while (rs.next()) {
                    String table = rs.getString(1);
                    boolean rls = rs.getBoolean(2), forced = rs.getBoolean(3), policy = rs.getBoolean(4);
                    boolean hasClinic = rs.getBoolean(5);
                    String comment = rs.getString(6);
                    if (rls && forced && policy && hasClinic) {
                        protectedTables.add(table);
                    } else if (comment.startsWith("stipple:global") && !hasClinic) {
                        global.add(table);
                    } else {
                        problems.add(table + ": no forced Row-Level Security on clinic_id (rls=" + rls + ", forced="
                                + forced + ", policy=" + policy + ", clinic_id column=" + hasClinic
                                + ") and not marked 'stipple:global <why>'");
                    }
                }
            }
            for (String table : protectedTables) {
                probeTable(c, table, problems, rows, clinics);
            }
        } catch (SQLException e) {
            problems.add("probe failed: " + e.getMessage());
        }
        return new Report(List.copyOf(problems), rows, clinics, List.copyOf(global));
    }

    private static void checkRole(Connection c, List<String> problems) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select r.rolsuper, r.rolbypassrls,
                       (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relowner = r.oid and c.relkind in ('r', 'p'))
                from pg_roles r where r.rolname = current_user""")) {
            rs.next();
            if (rs.getBoolean(1)) problems.add("the runtime role " + c.getMetaData().getUserName() + " is a superuser");
            if (rs.getBoolean(2)) problems.add("the runtime role can bypass Row-Level Security");
            if (rs.getLong(3) > 0) problems.add("the runtime role owns " + rs.getLong(3) + " table(s)");
        }
    }

    private static void probeTable(Connection c, String table, List<String> problems, Map<String, Long> rows,
                                   Map<String, Integer> clinics) throws SQLException {
        String quoted = "\"" + table.replace("\"", "\"\"") + "\"";
        set(c, "", "");
        long seenWithoutClinic = count(c, "select count(*) from " + quoted);
        if (seenWithoutClinic != 0) {
            problems.add(table + ": " + seenWithoutClinic + " row(s) visible with no clinic set");
        }
        set(c, "", "on");
        long total = count(c, "select count(*) from " + quoted);
        List<UUID> owners = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select clinic_id from " + quoted + " where clinic_id is not null group by clinic_id"
                        + " order by count(*) desc limit 5")) {
            while (rs.next()) owners.add((UUID) rs.getObject(1));
        }
        rows.put(table, total);
        clinics.put(table, owners.size());
        for (UUID clinic : owners) {
            set(c, "", "on");
            long own = count(c, "select count(*) from " + quoted + " where clinic_id = '" + clinic + "'");
            set(c, clinic.toString(), "");
            // no filter: what the database alone lets this clinic see
            long seen = count(c, "select count(*) from " + quoted);
            long foreign = count(c, "select count(*) from " + quoted + " where clinic_id is distinct from '" + clinic + "'");
            if (foreign != 0 || seen != own) {
                problems.add(table + ": clinic " + clinic + " sees " + seen + " row(s) with no filter, " + own
                        + " of its own and " + foreign + " of other clinics");
            }
        }
        set(c, UUID.randomUUID().toString(), "");
        long stranger = count(c, "select count(*) from " + quoted);
        if (stranger != 0) {
            problems.add(table + ": a clinic with no data sees " + stranger + " row(s)");
        }
        set(c, "", "");
    }

    private static void set(Connection c, String clinic, String allClinics) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "select set_config('stipple.clinic_id', ?, false), set_config('stipple.all_clinics', ?, false)")) {
            p.setString(1, clinic);
            p.setString(2, allClinics);
            p.execute();
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
