package com.bazaar.app;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * There is no Docker engine here, so the Docker path is checked by reading its two files: compose brings Bazaar up
 * in {@code prod} with a signing key generated into a volume on the first start, and the image runs as a non-root
 * user, reports health from {@code /ready}, and bounds the JVM's memory to fit 512 MiB of RSS.
 */
class DockerSetupTest {
  private static final Path DOCKER = Path.of("../../docker");
  private static final long MIB = 1024 * 1024;

  @Test
  @SuppressWarnings("unchecked")
  void compose_starts_bazaar_in_prod_with_a_key_generated_into_a_volume() throws Exception {
    Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yml")));
    Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
    Map<String, Object> bazaar = services.get("bazaar");
    Map<String, Object> keyJob = services.get("jwt-key");
    Map<String, String> env = (Map<String, String>) bazaar.get("environment");

    assertThat(env).containsEntry("BAZAAR_PROFILE", "prod");
    String keyPath = env.get("BAZAAR_AUTH_JWT_PRIVATE_KEY_PATH");
    assertThat(keyPath).isNotBlank();
    assertThat((Map<String, Object>) compose.get("volumes")).containsKey("jwt-key");
    String readMount = mountOf((List<String>) bazaar.get("volumes"), "jwt-key");
    assertThat(readMount).endsWith(":ro");
    String readDir = readMount.split(":")[1];
    assertThat(keyPath).startsWith(readDir + "/");
    assertThat((Map<String, Map<String, String>>) bazaar.get("depends_on"))
      .containsEntry("jwt-key", Map.of("condition", "service_completed_successfully"));

    List<String> entrypoint = (List<String>) keyJob.get("entrypoint");
    String writeDir = mountOf((List<String>) keyJob.get("volumes"), "jwt-key").split(":")[1];
    String generator = entrypoint.get(entrypoint.indexOf("-cp") + 2);
    assertThat(Class.forName(generator).getMethod("main", String[].class)).isNotNull();
    assertThat(entrypoint.get(entrypoint.size() - 1))
      .isEqualTo(writeDir + keyPath.substring(readDir.length()));
    assertThat(keyJob.get("image")).isEqualTo(bazaar.get("image"));
  }

  @Test
  void the_image_runs_as_a_user_reports_health_from_ready_and_bounds_its_memory() throws Exception {
    String dockerfile = Files.readString(DOCKER.resolve("Dockerfile")).replace("\\\n", " ");
    String runtime = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));

    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
    assertThat(user.find()).as("a USER line in the runtime stage").isTrue();
    assertThat(user.group(1)).isNotIn("root", "0");
    assertThat(runtime).containsPattern("(?m)^HEALTHCHECK .*CMD .*http://127\\.0\\.0\\.1:8080/ready");

    long bounded = size(runtime, "-Xmx") + size(runtime, "-XX:MaxMetaspaceSize=")
      + size(runtime, "-XX:ReservedCodeCacheSize=") + size(runtime, "-XX:MaxDirectMemorySize=");
    assertThat(bounded).as("heap, metaspace, code cache and direct memory").isLessThanOrEqualTo(448 * MIB);
    assertThat(runtime).contains("MALLOC_ARENA_MAX=");
  }

  private static String mountOf(List<String> volumes, String volume) {
    return volumes.stream().filter(v -> v.startsWith(volume + ":")).findFirst().orElseThrow();
  }

  private static long size(String text, String flag) {
    Matcher m = Pattern.compile(Pattern.quote(flag) + "(\\d+)([kKmMgG])").matcher(text);
    assertThat(m.find()).as("the JVM flag %s", flag).isTrue();
    long unit = switch (Character.toLowerCase(m.group(2).charAt(0))) {
      case 'k' -> 1024;
      case 'm' -> MIB;
      default -> 1024 * MIB;
    };
    return Long.parseLong(m.group(1)) * unit;
  }
}
