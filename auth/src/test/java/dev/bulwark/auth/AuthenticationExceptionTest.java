package dev.bulwark.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.core.service.WireProtocol;
import org.junit.jupiter.api.Test;

class AuthenticationExceptionTest {

    @Test
    void jsonServicesGetExceptionNamesAnd400() {
        AuthenticationException e = AuthenticationException.unrecognizedClient();

        assertThat(e.codeFor(WireProtocol.AWS_JSON_1_1)).isEqualTo("UnrecognizedClientException");
        assertThat(e.httpStatusFor(WireProtocol.AWS_JSON_1_1)).isEqualTo(400);
        assertThat(e.httpStatusFor(WireProtocol.AWS_JSON_1_0)).isEqualTo(400);
    }

    @Test
    void queryServicesGetTheirOwnNamesAndStatuses() {
        assertThat(AuthenticationException.unrecognizedClient().codeFor(WireProtocol.AWS_QUERY))
                .isEqualTo("InvalidClientTokenId");
        assertThat(AuthenticationException.unrecognizedClient().httpStatusFor(WireProtocol.AWS_QUERY)).isEqualTo(403);
        assertThat(AuthenticationException.signatureMismatch().codeFor(WireProtocol.AWS_QUERY))
                .isEqualTo("SignatureDoesNotMatch");
        assertThat(AuthenticationException.missingAuthenticationToken().codeFor(WireProtocol.AWS_QUERY))
                .isEqualTo("MissingAuthenticationToken");
        assertThat(AuthenticationException.incompleteSignature("x").codeFor(WireProtocol.AWS_QUERY))
                .isEqualTo("IncompleteSignature");
        assertThat(AuthenticationException.incompleteSignature("x").httpStatusFor(WireProtocol.AWS_QUERY))
                .isEqualTo(400);
        assertThat(AuthenticationException.expiredToken().codeFor(WireProtocol.AWS_QUERY)).isEqualTo("ExpiredToken");
    }

    @Test
    void restServicesRefuseWith403() {
        assertThat(AuthenticationException.signatureMismatch().httpStatusFor(WireProtocol.REST_JSON_1)).isEqualTo(403);
        assertThat(AuthenticationException.signatureMismatch().codeFor(WireProtocol.REST_JSON_1))
                .isEqualTo("InvalidSignatureException");
    }
}
