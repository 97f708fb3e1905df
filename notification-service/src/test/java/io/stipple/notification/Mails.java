package io.stipple.notification;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Messages the test SMTP server received, by recipient. */
public final class Mails {

    private Mails() {
    }

    public static List<MimeMessage> to(String address) {
        return Arrays.stream(ChannelsTestResource.greenMail().getReceivedMessages())
                .filter(m -> {
                    try {
                        var recipients = m.getRecipients(Message.RecipientType.TO);
                        return recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(MimeMessage message) {
        try {
            Object content = message.getContent();
            if (content instanceof String text) return text.replace("\r\n", "\n");
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder out = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    Object part = multipart.getBodyPart(i).getContent();
                    out.append(part);
                }
                return out.toString().replace("\r\n", "\n");
            }
            return String.valueOf(content);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null || values.length == 0 ? null : values[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
