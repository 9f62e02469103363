package se.motesdagen.notification.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A mail server that says just enough SMTP and counts what it is asked: connections, mails taken, mails
 * refused. It refuses a recipient named in {@code refused} with a 550, as a server with no such mailbox
 * does, and can close each connection after one mail without a word, as a server does to a client it
 * considers idle. GreenMail cannot count connections or refuse a recipient.
 */
final class FakeSmtpServer implements AutoCloseable {

    final AtomicInteger connections = new AtomicInteger();
    final List<String> taken = new CopyOnWriteArrayList<>();
    final List<String> refusedRecipients = new CopyOnWriteArrayList<>();
    private final ServerSocket socket;
    private final String refused;
    private volatile boolean hangUpAfterEachMail;

    FakeSmtpServer(String refused) throws IOException {
        this.refused = refused;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "fake-smtp");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    void hangUpAfterEachMail() {
        hangUpAfterEachMail = true;
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.incrementAndGet();
                Thread talking = new Thread(() -> talk(client), "fake-smtp-client");
                talking.setDaemon(true);
                talking.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void talk(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(
                        new InputStreamReader(client.getInputStream(), StandardCharsets.ISO_8859_1));
                PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.ISO_8859_1)) {
            reply(out, "220 fake.example ESMTP");
            String recipient = null;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 fake.example");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 2.1.0 Ok");
                } else if (command.startsWith("RCPT TO")) {
                    recipient = line.substring(line.indexOf('<') + 1, line.indexOf('>'));
                    if (recipient.equals(refused)) {
                        refusedRecipients.add(recipient);
                        reply(out, "550 5.1.1 <" + recipient + ">: Recipient address rejected: User unknown");
                    } else {
                        reply(out, "250 2.1.5 Ok");
                    }
                } else if (command.equals("DATA")) {
                    reply(out, "354 End data with <CR><LF>.<CR><LF>");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the mail itself: only that it came is counted
                    }
                    taken.add(recipient);
                    reply(out, "250 2.0.0 Ok: queued");
                    if (hangUpAfterEachMail) {
                        return;
                    }
                } else if (command.equals("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else {
                    reply(out, "250 2.0.0 Ok"); // RSET, NOOP
                }
            }
        } catch (IOException gone) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
