package com.bazaar.auth.token;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a new RS256 signing key (PKCS#8 PEM) to a file unless one is there already, for a deployment that keeps
 * its key in a volume: {@code docker/compose.yml} runs it once before Bazaar starts, and Bazaar reads the file
 * through {@code auth.jwt.privateKeyPath}. The file is readable by its owner only and appears whole (written
 * beside it, then moved), so a start never reads half a key.
 *
 * <pre>java -cp bazaar.jar com.bazaar.auth.token.SigningKeyFile /keys/jwt-private.pem</pre>
 */
public final class SigningKeyFile {
  private static final Logger LOG = LoggerFactory.getLogger(SigningKeyFile.class);

  private SigningKeyFile() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      LOG.error("usage: SigningKeyFile <path of the PEM file>");
      System.exit(2);
    }
    Path file = Path.of(args[0]);
    LOG.info(ensure(file) ? "Wrote a new signing key to {}" : "Kept the signing key in {}", file);
  }

  /** @return whether a key was written (false: the file was already there, and is left as it is) */
  static boolean ensure(Path file) throws IOException {
    if (Files.exists(file)) {
      SigningKey.fromPrivatePem("check", Files.readString(file, StandardCharsets.US_ASCII));
      return false;
    }
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    Files.writeString(partial, SigningKey.generate("bazaar-1").privatePem(), StandardCharsets.US_ASCII);
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    return true;
  }
}
