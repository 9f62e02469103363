package se.motesdagen.notification.mail;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Deque;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends each mail over a connection to the mail server kept open from the mail before, as mail servers
 * do among themselves, instead of connecting, greeting and saying goodbye for every message (Spring's
 * {@link JavaMailSenderImpl} does that: a fifth of the cost of sending, on both sides).
 *
 * <p>A connection serves one sender at a time; a sender takes the one used last, or opens one. One that
 * has been idle longer than {@link #IDLE} (mail servers close idle clients after a few minutes) or has
 * carried {@link #MESSAGES_PER_CONNECTION} mails is closed rather than used. One that fails is closed;
 * when a kept connection fails without the mail server having answered (it went away meanwhile), the
 * mail is sent once more on a new one. A refusal the server did answer (a 4xx or 5xx reply) is the
 * dispatcher's to judge, as before. Failures are thrown as {@link JavaMailSenderImpl} throws them.
 */
@Component
class SmtpConnections implements AutoCloseable {

    static final Duration IDLE = Duration.ofSeconds(30);
    static final int MESSAGES_PER_CONNECTION = 100;

    private final JavaMailSenderImpl settings;
    private final JavaMailSender other;
    private final Deque<Connection> idle = new ConcurrentLinkedDeque<>();

    /**
     * Connections to the server the configured sender names, with its session (properties, TLS, the
     * envelope sender); a sender of another kind sends as it does.
     */
    SmtpConnections(JavaMailSender sender) {
        this.settings = sender instanceof JavaMailSenderImpl configured ? configured : null;
        this.other = settings == null ? sender : null;
    }

    /** The session mails are made in: the configured sender's, or a plain one. */
    Session session() {
        return settings == null ? Session.getInstance(new Properties()) : settings.getSession();
    }

    void send(MimeMessage message) throws MailException {
        if (other != null) {
            other.send(message);
            return;
        }
        try {
            if (message.getSentDate() == null) {
                message.setSentDate(new Date());
            }
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        Connection connection = take();
        try {
            connection.transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close(connection);
            if (connection.sent == 0 || answered(e)) {
                throw new MailSendException(Map.of(message, e));
            }
            sendOnNew(message);
            return;
        }
        giveBack(connection.afterOne());
    }

    private void sendOnNew(MimeMessage message) {
        Connection fresh = connect();
        try {
            fresh.transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close(fresh);
            throw new MailSendException(Map.of(message, e));
        }
        giveBack(fresh.afterOne());
    }

    /** The connection used last, unless it idled too long or carried its share; otherwise a new one. */
    private Connection take() {
        for (Connection kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            // no NOOP to ask whether it still stands (Transport.isConnected would): a round trip per mail;
            // a connection the server closed fails without an answer, and the mail goes on a new one
            if (System.nanoTime() - kept.idleSince < IDLE.toNanos()) {
                return kept;
            }
            close(kept);
        }
        return connect();
    }

    private void giveBack(Connection connection) {
        if (connection.sent >= MESSAGES_PER_CONNECTION) {
            close(connection);
        } else {
            idle.addFirst(connection);
        }
    }

    private Connection connect() {
        try {
            Transport transport = settings.getSession().getTransport(protocol());
            transport.connect(settings.getHost(), settings.getPort(), settings.getUsername(), settings.getPassword());
            return new Connection(transport, 0, System.nanoTime());
        } catch (AuthenticationFailedException e) {
            throw new MailAuthenticationException(e);
        } catch (NoSuchProviderException e) {
            throw new MailSendException("No transport for protocol " + protocol(), e);
        } catch (MessagingException e) {
            throw new MailSendException("Mail server connection failed", e);
        }
    }

    /** As Spring's sender chooses it: configured, else the session's, else SMTP. */
    private String protocol() {
        if (settings.getProtocol() != null) {
            return settings.getProtocol();
        }
        String fromSession = settings.getSession().getProperty("mail.transport.protocol");
        return fromSession != null ? fromSession : JavaMailSenderImpl.DEFAULT_PROTOCOL;
    }

    /** The mail server replied to the command that failed: the connection itself worked. */
    private static boolean answered(MessagingException e) {
        for (Exception cause = e; cause != null; ) {
            if (cause instanceof SMTPSendFailedException
                    || cause instanceof SMTPAddressFailedException
                    || cause instanceof SMTPSenderFailedException) {
                return true;
            }
            cause = cause instanceof MessagingException m ? m.getNextException() : null;
        }
        return false;
    }

    private static void close(Connection connection) {
        try {
            connection.transport.close();
        } catch (MessagingException | RuntimeException e) {
            // closing a connection that already broke: nothing to do
        }
    }

    /** Says goodbye on the idle connections, at shutdown; one in use is closed by the server or the process's end. */
    @Override
    public void close() {
        for (Connection kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
            close(kept);
        }
    }

    private record Connection(Transport transport, int sent, long idleSince) {

        Connection afterOne() {
            return new Connection(transport, sent + 1, System.nanoTime());
        }
    }
}
