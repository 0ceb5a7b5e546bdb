package dev.bulwark.kms.internal;


/**
 * The key policies KMS writes itself, character for character as AWS returns them from
 * GetKeyPolicy (AWS pretty-prints with Jackson's default printer: {@code "Key" : value}, arrays
 * as {@code [ ... ]}).
 */
public final class KeyPolicies {

    private KeyPolicies() {
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
                }""".formatted(scope.accountRootArn());
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
                scope.region().name(), scope.accountRootArn());
    }
}
