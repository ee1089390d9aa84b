package dev.horn.runs.report;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.horn.runs.RunDir;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * The live view of a run (the seeds' RStudio metrics viewer): a local server on 127.0.0.1 that
 * serves the run's report page and, on {@code /events}, pushes the run's data again as a
 * Server-Sent Event whenever its files change (after every epoch), so the charts grow while
 * {@code fit} runs. The JDK's own HTTP server is enough for one local page; nothing listens
 * beyond the loopback address.
 */
public final class LiveDashboard implements AutoCloseable {
    private static final long POLL_MILLIS = 250;

    private final RunDir run;
    private final String label;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean stopping;

    private LiveDashboard(RunDir run, String label, int port) throws IOException {
        this.run = run;
        this.label = label;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.setExecutor(threads);
        server.createContext("/", this::page);
        server.createContext("/data", this::data);
        server.createContext("/events", this::events);
        server.start();
    }

    /** Serves {@code run} on a free port of 127.0.0.1. */
    public static LiveDashboard start(RunDir run) {
        return start(run, run.path().getFileName().toString(), 0);
    }

    public static LiveDashboard start(RunDir run, String label, int port) {
        try {
            return new LiveDashboard(run, label, port);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the live dashboard on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    /** Opens the page in a browser when this machine has one to show (never in CI or headless). */
    public boolean openBrowser() {
        return Browser.open(url());
    }

    private Map<String, Object> liveData() {
        Map<String, Object> d = RunView.of(run, label);
        d.put("live", true);
        return d;
    }

    private void page(HttpExchange ex) throws IOException {
        if (!ex.getRequestURI().getPath().equals("/")) {
            send(ex, 404, "text/plain", "not found");
            return;
        }
        send(ex, 200, "text/html; charset=utf-8", ReportPages.page(label, liveData()));
    }

    private void data(HttpExchange ex) throws IOException {
        send(ex, 200, "application/json", ReportPages.json(liveData()));
    }

    /** Sends the data whenever the run's files change, until the run ends or the dashboard stops. */
    private void events(HttpExchange ex) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "text/event-stream");
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            String last = null;
            while (!stopping) {
                String now = fingerprint();
                if (!now.equals(last)) {
                    last = now;
                    out.write(("data: " + ReportPages.json(liveData()) + "\n\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
                Thread.sleep(POLL_MILLIS);
            }
            out.write("event: end\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException closedOrStopped) {
            // the page went away, or the dashboard is stopping
        }
    }

    /** Sizes and times of the run's files: changes after every epoch, evaluate and line of output. */
    private String fingerprint() {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.walk(run.meta(), 2)) {
            for (Path f : files.sorted().toList()) {
                sb.append(f.getFileName()).append(Files.size(f)).append(Files.getLastModifiedTime(f).toMillis());
            }
        } catch (IOException e) {
            sb.append(e.getMessage()); // a file replaced while listed: the next poll sees the new one
        }
        return sb.toString();
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Sends the last state to open pages, then closes them and the server. */
    public void stop() {
        try {
            Thread.sleep(2 * POLL_MILLIS); // let the event streams see the run's final files
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stopping = true;
        server.stop(1);
        threads.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
