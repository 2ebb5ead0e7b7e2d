package io.ccsfront.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The admin API over {@link HttpClient}: JSON requests, multipart uploads, the bearer token and
 * the expected version ({@code If-Match}). Error answers become {@link ApiError}; an unreachable
 * server becomes a {@link CliException} naming the URL.
 */
public final class AdminClient {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final URI server;
    private final String token;
    private final HttpClient http;

    public AdminClient(URI server, String token) {
        this.server = server;
        this.token = token;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public URI server() {
        return server;
    }

    public JsonNode get(String path) {
        return send("GET", path, null, null);
    }

    /** Sends {@code body} (may be null) as JSON; {@code expectedVersion} (may be null) as If-Match. */
    public JsonNode send(String method, String path, JsonNode body, Long expectedVersion) {
        HttpRequest.BodyPublisher p = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8);
        HttpRequest.Builder b = request(path, expectedVersion).method(method, p);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return exchange(b.build());
    }

    /** A multipart/form-data request: text {@code fields} and {@code files} (form name to file name and content). */
    public JsonNode upload(String method, String path, Map<String, String> fields, Map<String, FilePart> files, Long expectedVersion) {
        String boundary = "ccsctl-" + UUID.randomUUID();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        fields.forEach((k, v) -> write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + v + "\r\n"));
        files.forEach((k, f) -> {
            write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k + "\"; filename=\""
                    + f.fileName().replace("\"", "") + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            out.writeBytes(f.content());
            write(out, "\r\n");
        });
        write(out, "--" + boundary + "--\r\n");
        HttpRequest r = request(path, expectedVersion).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build();
        return exchange(r);
    }

    /** A file to upload. */
    public record FilePart(String fileName, byte[] content) {
    }

    /** A path segment, percent-encoded. */
    public static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A query parameter value, percent-encoded. */
    public static String q(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private HttpRequest.Builder request(String path, Long expectedVersion) {
        HttpRequest.Builder b = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(120))
                .header("Accept", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (expectedVersion != null) {
            b.header("If-Match", "\"" + expectedVersion + "\"");
        }
        return b;
    }

    private JsonNode exchange(HttpRequest r) {
        HttpResponse<String> resp;
        try {
            resp = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CliException(1, "cannot reach the admin API at " + server + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(1, "interrupted");
        }
        JsonNode body = parse(resp.body());
        if (resp.statusCode() >= 400) {
            String code = body != null && body.hasNonNull("error") ? body.get("error").asText() : "http_" + resp.statusCode();
            String message = body != null && body.hasNonNull("message") ? body.get("message").asText()
                    : "the admin API answered " + resp.statusCode();
            if (resp.statusCode() == 401) {
                message += token == null ? " (no token: give --token-file, CCSCTL_TOKEN_FILE or CCSCTL_TOKEN)" : " (the token was refused)";
            }
            throw new ApiError(resp.statusCode(), code, message, body);
        }
        if (body == null) {
            throw new CliException(1, "the admin API at " + server + " answered " + resp.statusCode() + " without JSON");
        }
        return body;
    }

    private static JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof ConnectException || m == null || m.isBlank()) {
            return "connection refused";
        }
        return m.lines().findFirst().orElse(m);
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
