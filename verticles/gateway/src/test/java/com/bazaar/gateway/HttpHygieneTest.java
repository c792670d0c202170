package com.bazaar.gateway;

import com.bazaar.platform.bus.BusBindings;
import com.bazaar.platform.bus.BusReply;
import com.bazaar.platform.testing.TestHttp;
import com.bazaar.platform.testing.TestHttp.Response;
import com.bazaar.platform.testing.TestStack;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What reaches the gateway below the level of a well-formed request: framing, encoding, slow headers, odd paths.
 * Every refusal is a 4xx with the standard error body, and nothing takes the process down.
 */
class HttpHygieneTest {
  private static TestStack stack;
  private static TestHttp http;

  @BeforeAll
  static void start() {
    Map<String, String> env = new HashMap<>(EdgeFixture.env());
    env.put("BAZAAR_HTTP_HEADER_TIMEOUT_MS", "600");
    stack = TestStack.start(env, EdgeFixture.policies());
    new BusBindings(stack.vertx().eventBus())
      .bind("edge.cached", request -> Future.succeededFuture(BusReply.ok(new JsonObject().put("id", request.param("id"))
        .put("fields", request.query().getValue("fields")))))
      .bind("edge.ok", request -> Future.succeededFuture(BusReply.ok(new JsonObject().put("ok", true))))
      .ready().await();
    stack.deploy(GatewayVerticle::new, 1);
    http = stack.http();
  }

  @AfterAll
  static void stop() {
    http.close();
    stack.close();
  }

  /** Sends bytes on a fresh connection and reads until the server closes it or a second passes. */
  private static String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", stack.httpPort())) {
      socket.setSoTimeout(1_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      StringBuilder answer = new StringBuilder();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int n; (n = in.read(buffer)) > 0; ) {
          answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
        }
      } catch (SocketTimeoutException e) {
        return answer.toString();
      }
      return answer.toString();
    }
  }

  private static void assertStandardError(String answer, int status, String code) {
    assertThat(answer).matches("(?s)HTTP/1\\.[01] " + status + " .*");
    JsonObject error = new JsonObject(answer.substring(answer.indexOf("\r\n\r\n") + 4)).getJsonObject("error");
    assertThat(error.getString("code")).isEqualTo(code);
    assertThat(error.getString("requestId")).isNotBlank();
  }

  @Test
  void a_request_without_host_is_a_400_with_the_standard_body() throws IOException {
    assertStandardError(raw("GET /cached/a HTTP/1.1\r\n\r\n"), 400, "HOST_REQUIRED");
  }

  @Test
  void content_length_together_with_transfer_encoding_is_refused_and_the_connection_closed() throws IOException {
    String answer = raw("POST /signin HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
      + "Transfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");

    assertStandardError(answer, 400, "AMBIGUOUS_FRAMING");
    assertThat(answer.toLowerCase()).contains("connection: close");
  }

  @Test
  void broken_percent_encoding_in_the_path_or_query_is_a_400() throws IOException {
    assertStandardError(raw("GET /cached/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "INVALID_ENCODING");
    assertStandardError(raw("GET /cached/a?fields=%E0%A4 HTTP/1.1\r\nHost: x\r\n\r\n"), 400, "INVALID_ENCODING");
  }

  @Test
  void what_the_http_decoder_refuses_still_gets_the_standard_body() throws IOException {
    assertStandardError(raw("GET /cached/" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414, "URI_TOO_LONG");
    assertStandardError(raw("GET /cached/a HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(9_000) + "\r\n\r\n"), 431,
      "HEADERS_TOO_LARGE");
    assertStandardError(raw("GET /cached/a HTTP/9.9 extra\r\nHost: x\r\n\r\n"), 400, "MALFORMED_REQUEST");
  }

  @Test
  void headers_dribbled_a_byte_at_a_time_lose_the_connection_at_the_deadline() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", stack.httpPort())) {
      OutputStream out = socket.getOutputStream();
      long start = System.nanoTime();
      boolean closed = false;
      String dribble = "GET /cached/a HTTP/1.1\r\nHost: x\r\nX-Slow: " + "z".repeat(200);
      for (int i = 0; i < dribble.length() && !closed; i++) {
        try {
          out.write(dribble.charAt(i));
          out.flush();
          Thread.sleep(25);
        } catch (IOException e) {
          closed = true;
        }
        if (!closed && System.nanoTime() - start > 600_000_000L) {
          socket.setSoTimeout(2_000);
          closed = socket.getInputStream().read() < 0;
          break;
        }
      }
      assertThat(closed).as("the server closed the connection").isTrue();
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
    }
  }

  @Test
  void head_is_answered_as_get_without_a_body() {
    String id = "h-" + UUID.randomUUID().toString().substring(0, 8);
    Response head = http.send(HttpMethod.HEAD, "/cached/" + id, Map.of(), null);

    assertThat(head.status()).isEqualTo(200);
    assertThat(head.body().length()).isZero();
    assertThat(head.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void spellings_of_one_path_share_one_cache_entry_and_query_names_are_case_sensitive() {
    String id = "n-" + UUID.randomUUID().toString().substring(0, 8);
    Response first = http.get("/cached/" + id);
    Response doubled = http.get("//cached/" + id);
    Response dotted = http.get("/x/../cached/" + id);
    Response encoded = http.get("/cached/%6e" + id.substring(1));
    Response cased = http.get("/cached/" + id + "?fields=a&Fields=b");

    assertThat(first.header("X-Cache")).isEqualTo("MISS");
    assertThat(doubled.header("X-Cache")).isEqualTo("HIT");
    assertThat(dotted.header("X-Cache")).isEqualTo("HIT");
    assertThat(encoded.header("X-Cache")).isEqualTo("HIT");
    assertThat(cased.status()).isEqualTo(400);
    assertThat(cased.errorCode()).isEqualTo("UNKNOWN_PARAMETER");
  }

  @Test
  void a_parameter_given_twice_is_refused_unless_it_is_a_list() {
    Response twice = http.get("/cached/a?fields=x&fields=y");

    assertThat(twice.status()).isEqualTo(400);
    assertThat(twice.json().getJsonObject("error").getJsonObject("details").getString("problem"))
      .isEqualTo("is given more than once");
  }
}
