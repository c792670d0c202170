package com.bazaar.platform.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.RabbitMQContainer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the tests find PostgreSQL, Redis and RabbitMQ: {@code BAZAAR_PG_*}, {@code BAZAAR_REDIS_URL} and
 * {@code BAZAAR_AMQP_*}, defaulting to localhost. When a service does not answer there and a Docker engine
 * exists, it is started once per JVM with Testcontainers; otherwise the tests fail with a message saying what
 * to start.
 */
public final class TestEnv {
  private static Map<String, String> resolved;

  private TestEnv() {
  }

  /** Environment variables pointing at the services, ready to pass to {@code ConfigLoader}. */
  public static synchronized Map<String, String> services() {
    if (resolved == null) {
      resolved = resolve();
    }
    return resolved;
  }

  public static String pgHost() {
    return services().get("BAZAAR_PG_HOST");
  }

  public static int pgPort() {
    return Integer.parseInt(services().get("BAZAAR_PG_PORT"));
  }

  public static String pgUser() {
    return services().get("BAZAAR_PG_USER");
  }

  public static String pgPassword() {
    return services().get("BAZAAR_PG_PASSWORD");
  }

  /** Redis as host and port, parsed from {@code BAZAAR_REDIS_URL}. */
  public static String[] redisHostPort() {
    return services().get("BAZAAR_REDIS_URL").replaceFirst("^redis://", "").replaceFirst("/.*$", "").split(":");
  }

  private static final java.util.concurrent.atomic.AtomicInteger REDIS_DB = new java.util.concurrent.atomic.AtomicInteger();

  /**
   * A Redis database (1 to 15) of its own for a test, emptied first, so that cached answers, rate-limit buckets and
   * versions of one test never reach another. Pub/sub channels are shared by all databases; they only carry hints.
   */
  public static String freshRedisDatabase() {
    int index = 1 + REDIS_DB.getAndIncrement() % 15;
    String[] hostPort = redisHostPort();
    try (Socket socket = new Socket(hostPort[0], Integer.parseInt(hostPort[1]))) {
      socket.getOutputStream().write(("SELECT " + index + "\r\nFLUSHDB\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      byte[] reply = new byte[10];
      int read = 0;
      while (read < 10) {
        int n = socket.getInputStream().read(reply, read, 10 - read);
        if (n < 0) {
          break;
        }
        read += n;
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot reach Redis to empty database " + index, e);
    }
    return "redis://" + hostPort[0] + ":" + hostPort[1] + "/" + index;
  }

  private static Map<String, String> resolve() {
    Map<String, String> env = new HashMap<>();
    env.put("BAZAAR_PG_HOST", get("BAZAAR_PG_HOST", "127.0.0.1"));
    env.put("BAZAAR_PG_PORT", get("BAZAAR_PG_PORT", "5432"));
    env.put("BAZAAR_PG_USER", get("BAZAAR_PG_USER", "postgres"));
    env.put("BAZAAR_PG_PASSWORD", get("BAZAAR_PG_PASSWORD", ""));
    env.put("BAZAAR_REDIS_URL", get("BAZAAR_REDIS_URL", "redis://127.0.0.1:6379"));
    env.put("BAZAAR_AMQP_HOST", get("BAZAAR_AMQP_HOST", "127.0.0.1"));
    env.put("BAZAAR_AMQP_PORT", get("BAZAAR_AMQP_PORT", "5672"));
    env.put("BAZAAR_AMQP_USER", get("BAZAAR_AMQP_USER", "guest"));
    env.put("BAZAAR_AMQP_PASSWORD", get("BAZAAR_AMQP_PASSWORD", "guest"));

    String redisHostPort = env.get("BAZAAR_REDIS_URL").replaceFirst("^redis://", "").replaceFirst("/.*$", "");
    boolean pg = answers(env.get("BAZAAR_PG_HOST"), Integer.parseInt(env.get("BAZAAR_PG_PORT")));
    boolean redis = answers(redisHostPort.split(":")[0], Integer.parseInt(redisHostPort.split(":")[1]));
    boolean amqp = answers(env.get("BAZAAR_AMQP_HOST"), Integer.parseInt(env.get("BAZAAR_AMQP_PORT")));
    if (pg && redis && amqp) {
      return env;
    }
    if (!DockerClientFactory.instance().isDockerAvailable()) {
      throw new IllegalStateException("Test services not reachable (postgres=" + pg + ", redis=" + redis
        + ", rabbitmq=" + amqp + ") and no Docker engine for Testcontainers. Start them as .ci/run does.");
    }
    if (!pg) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15-alpine");
      container.start();
      env.put("BAZAAR_PG_HOST", container.getHost());
      env.put("BAZAAR_PG_PORT", String.valueOf(container.getMappedPort(5432)));
      env.put("BAZAAR_PG_USER", container.getUsername());
      env.put("BAZAAR_PG_PASSWORD", container.getPassword());
    }
    if (!redis) {
      GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
      container.start();
      env.put("BAZAAR_REDIS_URL", "redis://" + container.getHost() + ":" + container.getMappedPort(6379));
    }
    if (!amqp) {
      RabbitMQContainer container = new RabbitMQContainer("rabbitmq:3.10-management-alpine");
      container.start();
      env.put("BAZAAR_AMQP_HOST", container.getHost());
      env.put("BAZAAR_AMQP_PORT", String.valueOf(container.getAmqpPort()));
      env.put("BAZAAR_AMQP_USER", container.getAdminUsername());
      env.put("BAZAAR_AMQP_PASSWORD", container.getAdminPassword());
    }
    return env;
  }

  private static String get(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static boolean answers(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
