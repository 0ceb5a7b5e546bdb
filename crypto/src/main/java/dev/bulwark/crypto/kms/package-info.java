/**
 * The cryptography behind AWS KMS's API, with KMS's own names and rules, for the KMS service to
 * call. It holds no state and knows nothing of keys' identities, policies or storage.
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Typed, KMS-shaped inputs.</b> {@link dev.bulwark.crypto.kms.KeySpec} and the algorithm
 *       enums carry the wire names and AWS's compatibility tables (which usages and algorithms a
 *       spec allows, digest lengths, plaintext limits), so the service asks rather than
 *       re-encodes them. Every operation takes the key spec and re-checks the algorithm against
 *       it, so a forgotten check in the service fails closed.</li>
 *   <li><b>Keys travel encoded.</b> Private keys are PKCS #8 DER inside
 *       {@link dev.bulwark.crypto.SecretBytes}; public keys are X.509 SubjectPublicKeyInfo DER,
 *       exactly what GetPublicKey and GenerateDataKeyPair return. Decoding checks the key really
 *       is of its spec (modulus size, curve) and that caller-supplied points lie on the curve.</li>
 *   <li><b>Failures are typed and quiet.</b> {@link dev.bulwark.crypto.InvalidInputException}
 *       (ValidationException), {@link dev.bulwark.crypto.UnsupportedAlgorithmException}
 *       (InvalidKeyUsageException), {@link dev.bulwark.crypto.DecryptionFailedException}
 *       (InvalidCiphertextException), {@link dev.bulwark.crypto.InvalidKeyMaterialException}.
 *       Messages name algorithms and lengths, never bytes; decryption failures never say which
 *       check failed.</li>
 *   <li><b>The JDK first, Bouncy Castle only where it must.</b> The JDK lacks secp256k1, SM2/SM3
 *       and a pre-hashed RSASSA-PSS signer; those use one private, never-registered
 *       {@code BouncyCastleProvider} instance created on first use, and SM2 uses BC's
 *       lightweight API in {@code Sm2}. Deriving an EC or Ed25519 public key from a private key
 *       given alone ({@code PublicKeyDerivation}: seeded keys, imported key pairs) uses BC's
 *       constant-time scalar multiplication, off the request path. Symmetric keys, HMAC, the NIST
 *       curves, RSA (except PSS over a DIGEST) and Ed25519 operations never load a BC class, which
 *       a test proves.</li>
 *   <li><b>Randomness is injected.</b> Every operation that needs it takes a
 *       {@link java.security.SecureRandom} (the server passes {@code new SecureRandom()}, never
 *       the blocking {@code getInstanceStrong()}).</li>
 * </ul>
 *
 * <h2>AWS behaviour followed deliberately</h2>
 * <ul>
 *   <li>RSASSA-PSS: MGF1 with the signature hash, salt length = hash length. RSAES-OAEP: MGF1 with
 *       the OAEP hash (not the JDK's default MGF1-SHA-1).</li>
 *   <li>DIGEST messages must have the hash's length ("Digest is invalid length for algorithm
 *       X.").</li>
 *   <li>ED25519_SHA_512 accepts RAW only, ED25519_PH_SHA_512 DIGEST only, and the latter still
 *       applies Ed25519ph's SHA-512 pre-hash to the 64-byte digest, as AWS documents.</li>
 *   <li>SM2DSA uses the distinguishing ID {@code 1234567812345678} for RAW; a DIGEST is taken to be
 *       SM3(Z_A || M) and signed as is. SM2PKE ciphertexts are the GM/T 0009 ASN.1 sequence
 *       (C1 x, C1 y, C3, C2).</li>
 *   <li>Key agreement (ECDH, raw x-coordinate) is offered on the NIST curves and SM2, not on
 *       secp256k1; peer keys must be on the KMS key's curve.</li>
 *   <li>RSA_AES_KEY_WRAP import blobs are RSA-OAEP(AES-256 key) || AES-KWP(material).</li>
 * </ul>
 */
package dev.bulwark.crypto.kms;
