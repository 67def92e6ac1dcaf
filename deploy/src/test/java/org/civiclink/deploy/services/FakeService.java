package org.civiclink.deploy.services;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a packaged Quarkus service in the launcher's tests: the readiness endpoint, and
 * just enough of intake's {@code POST /v1/events} and recommendation's {@code GET /v1/inbox} for
 * the demo feed. FAKE_MODE=crash makes it exit at once. Lambdas only, so the tests can pack this
 * single class file into a jar.
 */
public final class FakeService {

    public static final String REFERRAL_ID = "demo-referral-1";

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("fake service starting, KAFKA_BOOTSTRAP_SERVERS=" + System.getenv("KAFKA_BOOTSTRAP_SERVERS"));
        System.out.println("QUARKUS_DATASOURCE_JDBC_URL=" + System.getenv("QUARKUS_DATASOURCE_JDBC_URL"));
        if ("crash".equals(System.getenv("FAKE_MODE"))) {
            System.out.println("fatal: cannot connect to anything");
            System.exit(7);
        }
        int port = Integer.parseInt(System.getenv("QUARKUS_HTTP_PORT"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/q/health/ready", exchange -> respond(exchange, 200, "{\"status\":\"UP\"}"));
        server.createContext("/v1/events", exchange -> {
            boolean authorized = exchange.getRequestHeaders().getFirst("Authorization").startsWith("Bearer ")
                    && "TREATMENT".equals(exchange.getRequestHeaders().getFirst("Purpose-Of-Use"))
                    && "POST".equals(exchange.getRequestMethod());
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            System.out.println("event received: " + (authorized ? "authorized" : "REFUSED") + " " + body.length() + " bytes");
            respond(exchange, authorized ? 202 : 401, "{}");
        });
        server.createContext("/v1/inbox", exchange -> {
            boolean authorized = "REFERRAL".equals(exchange.getRequestHeaders().getFirst("Purpose-Of-Use"));
            respond(exchange, authorized ? 200 : 403, "{\"items\":[{\"referralId\":\"" + REFERRAL_ID + "\"}]}");
        });
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("fake service stopping");
            server.stop(0);
        }));
        System.out.println("fake service listening on " + port);
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
