package dev.horn.keras.callbacks;

import com.sun.net.httpserver.HttpServer;
import dev.horn.Horn;
import dev.horn.Tensor;
import dev.horn.keras.Keras;
import dev.horn.keras.models.Sequential;
import dev.horn.keras.saving.PyJson;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static dev.horn.Tf.tf;
import static dev.horn.keras.Keras.*;
import static org.assertj.core.api.Assertions.assertThat;

class RemoteMonitorTest {
    private record Post(String path, String contentType, String body) {}

    private static List<Post> serve(HttpServer server) {
        List<Post> posts = new CopyOnWriteArrayList<>();
        server.createContext("/", ex -> {
            posts.add(new Post(ex.getRequestURI().getPath(), ex.getRequestHeaders().getFirst("Content-Type"),
                    new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        return posts;
    }

    private static Sequential trainedWith(Callback c) {
        Keras.clearSession();
        Horn.setSeed(4);
        Sequential model = sequential(layerDense(1).inputShape(2));
        model.compile("sgd", "mse");
        Tensor x = tf.randomNormal(new int[] {8, 2});
        model.fit(x, tf.randomNormal(new int[] {8, 1}), epochs(2), verbose(0), callbacks(c));
        return model;
    }

    @Test
    void postsEachEpochsLogsAsAFormFieldByDefault() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            List<Post> posts = serve(server);
            trainedWith(new RemoteMonitor("http://127.0.0.1:" + server.getAddress().getPort()));
            assertThat(posts).hasSize(2);
            assertThat(posts.getFirst().path()).isEqualTo("/publish/epoch/end/");
            assertThat(posts.getFirst().contentType()).isEqualTo("application/x-www-form-urlencoded");
            assertThat(posts.get(1).body()).startsWith("data=");
            Map<String, Object> sent = PyJson.readObject(URLDecoder.decode(posts.get(1).body().substring(5),
                    StandardCharsets.UTF_8), "post");
            assertThat(sent).containsEntry("epoch", 1).containsKey("loss");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void sendsJsonWithHeadersWhenAsked() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try {
            List<Post> posts = serve(server);
            trainedWith(new RemoteMonitor("http://127.0.0.1:" + server.getAddress().getPort()).path("/m")
                    .sendAsJson(true).header("X-Run", "7"));
            assertThat(posts).extracting(Post::path).containsExactly("/m", "/m");
            assertThat(PyJson.readObject(posts.getFirst().body(), "post")).containsEntry("epoch", 0);
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anUnreachableServerDoesNotStopTraining() throws Exception {
        int port;
        try (var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        Sequential model = trainedWith(new RemoteMonitor("http://127.0.0.1:" + port));
        assertThat(model.optimizer().iterations().storedValue().toLongArray()).containsExactly(2L);
    }
}
