package dev.horn.keras.callbacks;

import dev.horn.keras.saving.PyJson;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' {@code RemoteMonitor}: at each epoch's end POSTs {@code {"epoch": e, <logs>}} to
 * {@code root + path}, as a form field ({@code data=<json>}, Keras' default) or, with
 * {@code sendAsJson}, as a JSON body. A server that cannot be reached gets a warning, not an
 * error, as in Keras: monitoring never stops training.
 */
public final class RemoteMonitor extends Callback {
    private final String root;
    private String path = "/publish/epoch/end/";
    private String field = "data";
    private boolean sendAsJson;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Keras' default root is {@code http://localhost:9000}. */
    public RemoteMonitor(String root) {
        URI.create(root); // fails now, naming the URL, rather than at the first epoch
        this.root = root;
    }

    public RemoteMonitor path(String value) {
        path = value;
        return this;
    }

    public RemoteMonitor field(String value) {
        field = value;
        return this;
    }

    public RemoteMonitor sendAsJson(boolean value) {
        sendAsJson = value;
        return this;
    }

    public RemoteMonitor header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    @Override
    public void onEpochEnd(int epoch, Map<String, Double> logs) {
        Map<String, Object> send = new LinkedHashMap<>();
        send.put("epoch", epoch);
        send.putAll(logs);
        String json = PyJson.write(send);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(10));
        headers.forEach(request::header);
        if (sendAsJson) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                    .ofString(URLEncoder.encode(field, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(json, StandardCharsets.UTF_8)));
        }
        try {
            client.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            System.err.println("Warning: could not reach RemoteMonitor root server at " + root + " (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
