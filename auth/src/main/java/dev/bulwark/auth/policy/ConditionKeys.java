package dev.bulwark.auth.policy;

/**
 * Names of AWS's global condition keys that Bulwark sets. The evaluator derives the principal's
 * keys from the {@link RequestPrincipal} itself; the caller supplies the others.
 */
public final class ConditionKeys {
    // Set by the evaluator from the principal.
    public static final String PRINCIPAL_ARN = "aws:PrincipalArn";
    public static final String PRINCIPAL_ACCOUNT = "aws:PrincipalAccount";
    public static final String PRINCIPAL_TYPE = "aws:PrincipalType";
    public static final String PRINCIPAL_TAG_PREFIX = "aws:PrincipalTag/";
    public static final String PRINCIPAL_IS_AWS_SERVICE = "aws:PrincipalIsAWSService";
    public static final String PRINCIPAL_SERVICE_NAME = "aws:PrincipalServiceName";
    public static final String USER_ID = "aws:userid";
    public static final String USERNAME = "aws:username";

    // Supplied by the caller from the request.
    public static final String CURRENT_TIME = "aws:CurrentTime";
    public static final String EPOCH_TIME = "aws:EpochTime";
    public static final String SOURCE_IP = "aws:SourceIp";
    public static final String SECURE_TRANSPORT = "aws:SecureTransport";
    public static final String MULTI_FACTOR_AUTH_PRESENT = "aws:MultiFactorAuthPresent";
    public static final String REQUESTED_REGION = "aws:RequestedRegion";
    public static final String USER_AGENT = "aws:UserAgent";
    public static final String CALLED_VIA = "aws:CalledVia";
    public static final String CALLED_VIA_FIRST = "aws:CalledViaFirst";
    public static final String CALLED_VIA_LAST = "aws:CalledViaLast";
    public static final String VIA_AWS_SERVICE = "aws:ViaAWSService";
    public static final String TAG_KEYS = "aws:TagKeys";
    public static final String REQUEST_TAG_PREFIX = "aws:RequestTag/";
    public static final String RESOURCE_TAG_PREFIX = "aws:ResourceTag/";

    private ConditionKeys() {
    }
}
