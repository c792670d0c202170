package com.bazaar.app;

import com.bazaar.platform.config.ConfigLoader;
import com.bazaar.platform.events.EventSettings;
import com.bazaar.platform.events.EventType;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every event type the code declares ({@code EventType} constants in Bazaar's own main classes) and every routing
 * key a configured queue binds is described in {@code conf/asyncapi.yaml}, the events' contract.
 */
class EventCatalogueTest {

  @Test
  void every_declared_event_type_and_every_bound_routing_key_is_in_the_asyncapi_document() throws Exception {
    Set<String> documented = documentedTypes();
    Set<String> declared = declaredTypes();
    Set<String> bound = new TreeSet<>();
    EventSettings.from(ConfigLoader.load(null, Map.of())).queues().values().forEach(bound::addAll);

    assertThat(declared).as("the event types declared in the code").contains("order.created", "payment.succeeded",
      "wallet.commission.pending", "sharelink.clicked");
    assertThat(documented).as("conf/asyncapi.yaml").containsAll(declared).containsAll(bound);
    System.out.printf("[events] %d types declared in code, %d documented in conf/asyncapi.yaml%n", declared.size(),
      documented.size());
  }

  @Test
  void every_channel_has_a_message_whose_payload_is_the_envelope_with_its_own_type() throws Exception {
    Map<String, Object> document = asyncApi();
    Map<String, Map<String, Object>> channels = section(document, "channels");
    Map<String, Map<String, Object>> messages = section(section(document, "components"), "messages");
    assertThat(channels).isNotEmpty();
    channels.forEach((name, channel) -> {
      Map<String, Object> message = messages.get(name);
      assertThat(message).as("message of channel %s", name).isNotNull();
      assertThat(message.get("name")).isEqualTo(channel.get("address"));
      assertThat(message.toString()).contains("#/components/schemas/Envelope", "const=" + channel.get("address"));
    });
  }

  private static Set<String> documentedTypes() throws IOException {
    Set<String> types = new TreeSet<>();
    EventCatalogueTest.<Map<String, Object>>section(asyncApi(), "channels").values()
      .forEach(channel -> types.add((String) channel.get("address")));
    return types;
  }

  private static Map<String, Object> asyncApi() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("../../conf/asyncapi.yaml"))) {
      return new Yaml().load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Map<String, T> section(Map<String, ?> node, String name) {
    return (Map<String, T>) node.get(name);
  }

  /** EventType constants of every class under com/bazaar in the main classpath entries (not test classes or jars). */
  private static Set<String> declaredTypes() throws Exception {
    Set<String> types = new TreeSet<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      if (entry.contains("test-classes") || entry.endsWith("-tests.jar")) {
        continue;
      }
      for (String className : bazaarClasses(Path.of(entry))) {
        Class<?> type = Class.forName(className, false, EventCatalogueTest.class.getClassLoader());
        for (Field field : type.getDeclaredFields()) {
          if (field.getType() == EventType.class && Modifier.isStatic(field.getModifiers())) {
            field.setAccessible(true);
            types.add(((EventType) field.get(null)).name());
          }
        }
      }
    }
    return types;
  }

  private static List<String> bazaarClasses(Path entry) throws IOException {
    if (Files.isDirectory(entry)) {
      Path root = entry.resolve("com/bazaar");
      if (!Files.isDirectory(root)) {
        return List.of();
      }
      try (Stream<Path> files = Files.walk(root)) {
        return files.map(entry::relativize).map(Path::toString).filter(EventCatalogueTest::isTopLevelClass)
          .map(EventCatalogueTest::className).toList();
      }
    }
    if (!entry.toString().endsWith(".jar") || !Files.exists(entry)) {
      return List.of();
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      List<String> names = new java.util.ArrayList<>();
      for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
        String name = e.nextElement().getName();
        if (name.startsWith("com/bazaar/") && isTopLevelClass(name)) {
          names.add(className(name));
        }
      }
      return names;
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isTopLevelClass(String path) {
    return path.endsWith(".class") && !path.contains("$") && !path.endsWith("module-info.class");
  }

  private static String className(String path) {
    return path.substring(0, path.length() - ".class".length()).replace('/', '.').replace('\\', '.');
  }
}
