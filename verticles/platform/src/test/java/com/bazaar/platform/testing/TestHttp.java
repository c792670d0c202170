package com.bazaar.platform.testing;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/** A plain HTTP client for tests that talk to the real gateway. It does not decompress, so tests see the wire. */
public final class TestHttp implements AutoCloseable {
  private final HttpClient client;
  private final Context context;
  private final int port;

  public TestHttp(Vertx vertx, int port) {
    this.context = vertx.getOrCreateContext();
    this.client = vertx.createHttpClient(new HttpClientOptions().setDecompressionSupported(false)
      .setDefaultHost("127.0.0.1").setDefaultPort(port), new PoolOptions().setHttp1MaxSize(64));
    this.port = port;
  }

  public record Response(int status, MultiMap headers, Buffer body) {
    public JsonObject json() {
      return body.toJsonObject();
    }

    public String header(String name) {
      return headers.get(name);
    }

    /** The error code of a standard error body. */
    public String errorCode() {
      return json().getJsonObject("error").getString("code");
    }
  }

  public Response get(String path) {
    return send(HttpMethod.GET, path, Map.of(), null);
  }

  public Response get(String path, Map<String, String> headers) {
    return send(HttpMethod.GET, path, headers, null);
  }

  public Response post(String path, Object json) {
    return post(path, json, Map.of());
  }

  public Response post(String path, Object json, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("content-type", "application/json");
    return send(HttpMethod.POST, path, all, body(json));
  }

  public Response put(String path, Object json, Map<String, String> headers) {
    return sendJson(HttpMethod.PUT, path, json, headers);
  }

  public Response patch(String path, Object json, Map<String, String> headers) {
    return sendJson(HttpMethod.PATCH, path, json, headers);
  }

  public Response delete(String path, Map<String, String> headers) {
    return send(HttpMethod.DELETE, path, headers, null);
  }

  private Response sendJson(HttpMethod method, String path, Object json, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    all.put("content-type", "application/json");
    return send(method, path, all, body(json));
  }

  /** Sends {@code n} copies of a request at once and waits for every answer. */
  public List<Response> concurrently(int n, HttpMethod method, String path, Map<String, String> headers, Object json) {
    Buffer payload = body(json);
    return OnContext.await(context, () -> {
      List<Future<Response>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(start(method, path, headers, payload));
      }
      return Future.join(all).map(done -> all.stream().map(Future::result).toList());
    });
  }

  /** Sends {@code n} requests at once, the i-th with the headers {@code headersOf} gives for i, and waits for all. */
  public List<Response> concurrently(int n, HttpMethod method, String path, IntFunction<Map<String, String>> headersOf,
                                     Object json) {
    Buffer payload = body(json);
    return OnContext.await(context, () -> {
      List<Future<Response>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Map<String, String> headers = new HashMap<>(headersOf.apply(i));
        headers.put("content-type", "application/json");
        all.add(start(method, path, headers, payload));
      }
      return Future.join(all).map(done -> all.stream().map(Future::result).toList());
    });
  }

  public Response send(HttpMethod method, String path, Map<String, String> headers, Buffer body) {
    return OnContext.await(context, () -> start(method, path, headers, body));
  }

  private Future<Response> start(HttpMethod method, String path, Map<String, String> headers, Buffer body) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path).setPort(port)
      .setIdleTimeout(10_000);
    headers.forEach(options::putHeader);
    return client.request(options)
      .compose(request -> body == null ? request.send() : request.send(body))
      .compose(response -> response.body().map(b -> new Response(response.statusCode(), response.headers(), b)));
  }

  public static Buffer body(Object json) {
    if (json == null) {
      return null;
    }
    if (json instanceof Buffer buffer) {
      return buffer;
    }
    if (json instanceof String text) {
      return Buffer.buffer(text);
    }
    return ((JsonObject) json).toBuffer();
  }

  @Override
  public void close() {
    client.close().await();
  }
}
