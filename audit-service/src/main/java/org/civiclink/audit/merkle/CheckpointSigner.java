package org.civiclink.audit.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Signs checkpoints with Ed25519 (JDK). The key pair comes from configuration; without one, a
 * throw-away pair is generated at startup so development and tests work, and a warning says that
 * such checkpoints prove nothing once the process is gone. Verification uses the configured
 * public key when there is one ("pinned"), otherwise the key stored beside the checkpoint.
 */
@ApplicationScoped
public class CheckpointSigner {

    public static final String ALGORITHM = "Ed25519";
    private static final Logger LOG = Logger.getLogger(CheckpointSigner.class);

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final boolean pinned;

    CheckpointSigner(@ConfigProperty(name = "civiclink.audit.checkpoint.private-key") Optional<String> privateKeyBase64,
                     @ConfigProperty(name = "civiclink.audit.checkpoint.public-key") Optional<String> publicKeyBase64) {
        try {
            if (privateKeyBase64.isPresent() && publicKeyBase64.isPresent()) {
                KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
                this.privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKeyBase64.get().strip())));
                this.publicKey = decodePublicKey(Base64.getDecoder().decode(publicKeyBase64.get().strip()));
                this.pinned = true;
            } else if (privateKeyBase64.isPresent() || publicKeyBase64.isPresent()) {
                throw new IllegalStateException("Configure both civiclink.audit.checkpoint.private-key and .public-key, or neither");
            } else {
                KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
                this.privateKey = pair.getPrivate();
                this.publicKey = pair.getPublic();
                this.pinned = false;
                LOG.warn("No checkpoint signing key configured: signing with a key generated at startup (development only; see docs/audit.md)");
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Unusable checkpoint signing key", e);
        }
    }

    /** The exact bytes that are signed: a versioned, line-based text anyone can rebuild. */
    public static byte[] signedMessage(long treeSize, byte[] rootHash, Instant createdAt) {
        String text = "civiclink-audit-checkpoint/v1\n" + treeSize + "\n" + HexFormat.of().formatHex(rootHash) + "\n"
                + createdAt.toEpochMilli() + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a checkpoint", e);
        }
    }

    public byte[] publicKeyBytes() {
        return publicKey.getEncoded();
    }

    public boolean pinned() {
        return pinned;
    }

    /** Checks a signature with the pinned key, or else with the key stored beside the checkpoint. */
    public boolean verify(byte[] message, byte[] signatureBytes, byte[] storedPublicKey) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(pinned ? publicKey : decodePublicKey(storedPublicKey));
            signature.update(message);
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static PublicKey decodePublicKey(byte[] x509) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
    }
}
