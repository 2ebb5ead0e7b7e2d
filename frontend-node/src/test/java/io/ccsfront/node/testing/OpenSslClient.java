package io.ccsfront.node.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code openssl s_client} (Debian's OpenSSL) for tests of TLS session resumption across nodes. */
public final class OpenSslClient {

    private OpenSslClient() {
    }

    public static boolean available() {
        try {
            Process p = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /**
     * One TLS 1.3 connection that sends a request, reads the session ticket, and saves or reuses
     * the session in {@code session}. Returns s_client's output ("Reused, TLSv1.3" or "New, TLSv1.3").
     */
    public static String connect(String ip, int port, String sni, Path session, boolean resume) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("openssl", "s_client", "-connect", ip + ":" + port, "-servername", sni,
                "-tls1_3", "-ign_eof"));
        cmd.add(resume ? "-sess_in" : "-sess_out");
        cmd.add(session.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().write(("GET / HTTP/1.1\r\nHost: " + sni + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        p.getOutputStream().flush();
        p.getOutputStream().close();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
