package dev.bulwark.cloudtrail.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * What AWS leaves out of CloudTrail events beyond the members its models mark sensitive, which
 * the gateway has already dropped when it rendered the call. Three rules, in AWS's manner:
 * <ul>
 *   <li>Operations whose answer is key material or a secret value are logged with
 *       {@code responseElements: null}: KMS's cryptographic operations, Secrets Manager's
 *       GetSecretValue, Parameter Store's GetParameter family.</li>
 *   <li>KMS does not log the binary payloads of a request (ciphertexts, signatures, MACs,
 *       import material); it logs the key, the algorithm and the encryption context.</li>
 *   <li>A few member names are credentials wherever they appear ({@code sessionToken} in
 *       AssumeRole's {@code credentials}, which the STS model does not mark sensitive). They
 *       are removed at every depth, a second net under the sensitive trait.</li>
 * </ul>
 */
final class Redactions {
    private static final Map<String, Set<String>> RESPONSE_NOT_LOGGED = Map.of(
            "kms.amazonaws.com", Set.of("Encrypt", "Decrypt", "ReEncrypt", "GenerateDataKey",
                    "GenerateDataKeyWithoutPlaintext", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
                    "GenerateRandom", "Sign", "Verify", "GenerateMac", "VerifyMac", "GetParametersForImport",
                    "GetPublicKey", "DeriveSharedSecret"),
            "secretsmanager.amazonaws.com", Set.of("GetSecretValue", "BatchGetSecretValue"),
            "ssm.amazonaws.com", Set.of("GetParameter", "GetParameters", "GetParametersByPath", "GetParameterHistory"));

    private static final Map<String, Set<String>> REQUEST_MEMBERS_NOT_LOGGED = Map.of(
            "kms.amazonaws.com", Set.of("ciphertextBlob", "sourceCiphertextBlob", "signature", "mac",
                    "encryptedKeyMaterial", "importToken", "publicKey", "message", "plaintext"));

    private static final Set<String> CREDENTIAL_MEMBERS = Set.of("secretAccessKey", "sessionToken", "password",
            "newPassword", "oldPassword", "plaintext", "secretString", "secretBinary", "privateKeyPlaintext");

    private Redactions() {
    }

    /** Whether AWS logs this operation's response at all. */
    static boolean logsResponse(String eventSource, String eventName) {
        return !RESPONSE_NOT_LOGGED.getOrDefault(eventSource, Set.of()).contains(eventName);
    }

    /** The request parameters as AWS logs them (a redacted copy). */
    static ObjectNode requestParameters(String eventSource, ObjectNode parameters) {
        ObjectNode copy = parameters.deepCopy();
        copy.remove(REQUEST_MEMBERS_NOT_LOGGED.getOrDefault(eventSource, Set.of()));
        removeCredentials(copy);
        return copy;
    }

    /** The response elements as AWS logs them (a redacted copy). */
    static ObjectNode responseElements(ObjectNode elements) {
        ObjectNode copy = elements.deepCopy();
        removeCredentials(copy);
        return copy;
    }

    private static void removeCredentials(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(CREDENTIAL_MEMBERS);
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                removeCredentials(children.next());
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redactions::removeCredentials);
        }
    }
}
