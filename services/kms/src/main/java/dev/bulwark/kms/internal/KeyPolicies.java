package dev.bulwark.kms.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.regex.Pattern;

/**
 * The key policies KMS writes itself, character for character as AWS returns them from
 * GetKeyPolicy (AWS pretty-prints with Jackson's default printer: {@code "Key" : value}, arrays
 * as {@code [ ... ]}).
 */
public final class KeyPolicies {
    /** The model's PolicyType pattern. */
    public static final Pattern POLICY_CHARACTERS = Pattern.compile("[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+");
    private static final ObjectMapper POLICY_READER = new ObjectMapper();

    private KeyPolicies() {
    }

    /**
     * A key policy given in a request (CreateKey, ReplicateKey): it must be a JSON object; its
     * grammar and the lockout safety check belong to the policy engine, which reads the stored text
     * as given.
     */
    public static String checked(String policy) {
        try {
            JsonNode document = POLICY_READER.readTree(policy);
            if (document == null || !document.isObject()) {
                throw KmsErrors.malformedPolicy("The key policy must be a JSON object.");
            }
            return policy;
        } catch (JsonProcessingException notJson) {
            throw KmsErrors.malformedPolicy("The key policy is not valid JSON.");
        }
    }

    /** The policy of a customer managed key created without one: the account may do anything, IAM decides who. */
    public static String defaultPolicy(KmsScope scope) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "key-default-1",
                  "Statement" : [ {
                    "Sid" : "Enable IAM User Permissions",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "%s"
                    },
                    "Action" : "kms:*",
                    "Resource" : "*"
                  } ]
                }""".formatted(accountRoot(scope));
    }

    /**
     * The policy of an AWS managed key: principals of the account may use it through the owning
     * service only ({@code kms:ViaService}); the account may read its metadata directly.
     *
     * @param serviceName     the alias's service ({@code ebs} in {@code alias/aws/ebs})
     * @param serviceTitle    how AWS names the service in the statement ({@code EBS})
     * @param viaServicePrefix the endpoint prefix of the service that uses the key ({@code ec2} for EBS)
     */
    public static String awsManagedPolicy(KmsScope scope, String serviceName, String serviceTitle, String viaServicePrefix) {
        return """
                {
                  "Version" : "2012-10-17",
                  "Id" : "auto-%s-1",
                  "Statement" : [ {
                    "Sid" : "Allow access through %s for all principals in the account that are authorized to use %s",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "*"
                    },
                    "Action" : [ "kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey" ],
                    "Resource" : "*",
                    "Condition" : {
                      "StringEquals" : {
                        "kms:CallerAccount" : "%s",
                        "kms:ViaService" : "%s.%s.amazonaws.com"
                      }
                    }
                  }, {
                    "Sid" : "Allow direct access to key metadata to the account",
                    "Effect" : "Allow",
                    "Principal" : {
                      "AWS" : "%s"
                    },
                    "Action" : [ "kms:Describe*", "kms:Get*", "kms:List*", "kms:RevokeGrant" ],
                    "Resource" : "*"
                  } ]
                }""".formatted(serviceName, serviceTitle, serviceTitle, scope.account().value(), viaServicePrefix,
                scope.region().name(), accountRoot(scope));
    }

    private static String accountRoot(KmsScope scope) {
        return "arn:" + scope.region().partition() + ":iam::" + scope.account().value() + ":root";
    }
}
