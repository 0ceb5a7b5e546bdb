package dev.bulwark.core.service;

/** The AWS wire protocols a service can speak (Smithy's names). */
public enum WireProtocol {
    /** JSON body, operation in {@code X-Amz-Target}: KMS, SSM, Secrets Manager, WAFv2, Shield, CloudTrail. */
    AWS_JSON_1_1,
    /** The same with content type {@code application/x-amz-json-1.0}. */
    AWS_JSON_1_0,
    /** Form-encoded {@code Action=...} in, XML out: IAM, STS. */
    AWS_QUERY,
    /** Method and URI template select the operation, JSON body: GuardDuty, Inspector2, Macie2. */
    REST_JSON_1;

    public boolean isJson() {
        return this != AWS_QUERY;
    }
}
