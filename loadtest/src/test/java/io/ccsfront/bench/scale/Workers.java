package io.ccsfront.bench.scale;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.CountDownLatch;

/**
 * The web workers behind the benchmark sites: one loopback HTTP/1.1 server per site worker,
 * {@code w0 … w<sites-1>} on {@code base-port + j} and {@code rot} on {@code base-port + sites}.
 * Each answers every request with {@code worker=<name> host=<Host header>}, so a load test can
 * check that a response came from the site its hostname is bound to, for that hostname.
 *
 * <pre>Workers [--base-port 18100] [--sites 20] [--threads 1]</pre>
 */
public final class Workers {

    private Workers() {
    }

    public static void main(String[] args) throws Exception {
        int base = Integer.parseInt(CertGen.arg(args, "--base-port", "18100"));
        int sites = Integer.parseInt(CertGen.arg(args, "--sites", "20"));
        int threads = Integer.parseInt(CertGen.arg(args, "--threads", "1"));
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(threads));
        for (int j = 0; j <= sites; j++) {
            String name = j == sites ? "rot" : "w" + j;
            int port = base + j;
            vertx.createHttpServer().requestHandler(req -> {
                String body = "worker=" + name + " host=" + req.getHeader("Host") + "\n";
                req.response().putHeader("Content-Type", "text/plain").end(Buffer.buffer(body));
            }).listen(port, "127.0.0.1").await();
        }
        System.out.printf("workers w0..w%d and rot listening on 127.0.0.1:%d..%d%n", sites - 1, base, base + sites);
        new CountDownLatch(1).await();
    }
}
