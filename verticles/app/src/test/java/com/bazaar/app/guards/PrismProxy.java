package com.bazaar.app.guards;

import com.bazaar.platform.testing.TestConfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.bazaar.platform.testing.Poll;

/**
 * Stoplight's Prism, in proxy mode, in front of a running Bazaar: every answer that passes through it is checked
 * against {@code conf/openapi.yaml}, and one that does not conform carries an {@code sl-violations} header. Prism is
 * installed from {@code tools/contract/package-lock.json} ({@code npm ci}, which the build runs when it is missing).
 */
final class PrismProxy implements AutoCloseable {
  static final String VIOLATIONS = "sl-violations";

  private final Process process;
  private final int port;
  private final Path log;

  private PrismProxy(Process process, int port, Path log) {
    this.process = process;
    this.port = port;
    this.log = log;
  }

  static PrismProxy start(int upstreamPort) throws IOException {
    Path root = Path.of("../..").toAbsolutePath().normalize();
    Path prism = root.resolve("tools/contract/node_modules/.bin/prism");
    if (!Files.isExecutable(prism)) {
      throw new IllegalStateException("Prism is not installed: run npm ci in tools/contract (" + prism + ")");
    }
    int port = TestConfig.freePort();
    Path log = Files.createTempFile("prism", ".log");
    Process process = new ProcessBuilder(prism.toString(), "proxy", root.resolve("conf/openapi.yaml").toString(),
      "http://127.0.0.1:" + upstreamPort, "--port", String.valueOf(port), "--host", "127.0.0.1")
      .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    PrismProxy proxy = new PrismProxy(process, port, log);
    if (!Poll.until(Duration.ofSeconds(60), proxy::listening)) {
      proxy.close();
      throw new IllegalStateException("Prism did not start: " + Files.readString(log));
    }
    return proxy;
  }

  int port() {
    return port;
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  private boolean listening() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
  }
}
