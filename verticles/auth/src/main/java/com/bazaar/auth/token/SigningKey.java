package com.bazaar.auth.token;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** An RS256 signing key: its id and its private and public halves as PEM text. */
public record SigningKey(String kid, String privatePem, String publicPem) {
  private static final int BITS = 2048;

  static SigningKey generate(String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(BITS);
      KeyPair pair = generator.generateKeyPair();
      return new SigningKey(kid, pem("PRIVATE KEY", pair.getPrivate().getEncoded()),
        pem("PUBLIC KEY", pair.getPublic().getEncoded()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot generate an RSA key pair", e);
    }
  }

  /** A configured private key; its public half is derived, so only one secret has to be configured. */
  static SigningKey fromPrivatePem(String kid, String privatePem) {
    try {
      String body = privatePem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
      KeyFactory rsa = KeyFactory.getInstance("RSA");
      RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
      PublicKey pub = rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
      return new SigningKey(kid, privatePem, pem("PUBLIC KEY", pub.getEncoded()));
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException("auth.jwt.privateKey is not a PKCS#8 PEM RSA private key", e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
      + "\n-----END " + type + "-----\n";
  }
}
