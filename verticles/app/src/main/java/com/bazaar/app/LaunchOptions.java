package com.bazaar.app;

import com.bazaar.platform.Platform;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line options: {@code --services a,b}, {@code --instances name=N}, {@code --cluster}, {@code --conf FILE}. */
public record LaunchOptions(Set<String> services, Map<String, Integer> instances, boolean cluster, Path confFile) {
  static final String USAGE = """
    Usage: java -jar bazaar.jar [--services gateway,product,...] [--instances product=4] [--cluster] [--conf FILE]
      --services   the services to run in this process (default: all of them)
      --instances  instances of one service's verticle; repeatable (default: the config, one per event loop for the gateway)
      --cluster    join a Hazelcast cluster so services can be split across processes
      --conf       a JSON file merged over conf/bazaar.json (environment variables still win)""";

  /** Instances of a service: {@code --instances}, else the config; the gateway defaults to one per event loop. */
  int instances(String service, Platform platform) {
    Integer explicit = instances.get(service);
    if (explicit != null) {
      return explicit;
    }
    JsonObject config = platform.config();
    if (service.equals(ServiceCatalog.GATEWAY)) {
      int configured = config.getJsonObject("http").getInteger("instances");
      return configured > 0 ? configured : Platform.eventLoops(config);
    }
    return config.getJsonObject("services").getJsonObject("instances").getInteger(service, 1);
  }

  static LaunchOptions parse(List<String> args) {
    Set<String> services = new LinkedHashSet<>(ServiceCatalog.names());
    Map<String, Integer> instances = new HashMap<>();
    boolean cluster = false;
    Path conf = null;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      switch (arg) {
        case "--services" -> {
          services = new LinkedHashSet<>(List.of(value(args, ++i, arg).split(",")));
          services.removeIf(String::isBlank);
        }
        case "--instances" -> {
          String[] pair = value(args, ++i, arg).split("=", 2);
          instances.put(pair[0], parseCount(pair, arg));
        }
        case "--cluster" -> cluster = true;
        case "--conf" -> conf = Path.of(value(args, ++i, arg));
        default -> throw new IllegalArgumentException("Unknown option " + arg);
      }
    }
    for (String name : services) {
      if (!ServiceCatalog.names().contains(name)) {
        throw new IllegalArgumentException("Unknown service '" + name + "'; known: " + ServiceCatalog.names());
      }
    }
    for (String name : instances.keySet()) {
      if (!services.contains(name)) {
        throw new IllegalArgumentException("--instances names '" + name + "', which is not among --services");
      }
    }
    return new LaunchOptions(Set.copyOf(services), Map.copyOf(instances), cluster, conf);
  }

  private static String value(List<String> args, int index, String option) {
    if (index >= args.size()) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args.get(index);
  }

  private static int parseCount(String[] pair, String option) {
    try {
      int count = pair.length == 2 ? Integer.parseInt(pair[1]) : -1;
      if (count < 1) {
        throw new NumberFormatException();
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " takes name=N with N >= 1");
    }
  }
}
