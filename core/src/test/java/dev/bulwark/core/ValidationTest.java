package dev.bulwark.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bulwark.core.service.WireProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValidationTest {
    private static final String NAME = "[\\w+=,.@-]+";

    @Test
    void reportsOneViolationInAwsWords() {
        assertThatThrownBy(() -> Validation.check().string("userName", "a b", 1, 64, NAME).orThrow())
                .hasMessage("1 validation error detected: Value 'a b' at 'userName' failed to satisfy constraint:"
                        + " Member must satisfy regular expression pattern: [\\w+=,.@-]+");
    }

    @Test
    void reportsEveryFailedConstraintSeparatedBySemicolons() {
        assertThatThrownBy(() -> Validation.check()
                .string("roleName", "", 1, 64, NAME)
                .required("policyDocument", null)
                .range("maxItems", 0, 1, 1000)
                .oneOf("status", "Gone", List.of("Active", "Inactive"))
                .orThrow())
                .hasMessage("5 validation errors detected:"
                        + " Value '' at 'roleName' failed to satisfy constraint: Member must have length greater than or equal to 1;"
                        + " Value '' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+;"
                        + " Value null at 'policyDocument' failed to satisfy constraint: Member must not be null;"
                        + " Value '0' at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1;"
                        + " Value 'Gone' at 'status' failed to satisfy constraint: Member must satisfy enum value set: [Active, Inactive]");
    }

    @Test
    void absentOptionalMembersPass() {
        assertThatCode(() -> Validation.check().string("path", null, 1, 512, "/.*").range("maxItems", null, 1, 1000)
                .count("tags", null, 50).orThrow()).doesNotThrowAnyException();
    }

    @Test
    void isValidationErrorInQueryServicesAndValidationExceptionInJsonOnes() {
        assertThatThrownBy(() -> Validation.check().required("keyId", null).orThrow())
                .isInstanceOfSatisfying(AwsException.class, e -> {
                    assertThat(e.codeFor(WireProtocol.AWS_QUERY)).isEqualTo("ValidationError");
                    assertThat(e.codeFor(WireProtocol.AWS_JSON_1_1)).isEqualTo("ValidationException");
                    assertThat(e.httpStatusFor(WireProtocol.AWS_QUERY)).isEqualTo(400);
                });
    }

    @Test
    void accessDeniedIsAccessDenied403InQueryServices() {
        AwsException denied = CommonErrors.accessDenied("User: x is not authorized");

        assertThat(denied.codeFor(WireProtocol.AWS_QUERY)).isEqualTo("AccessDenied");
        assertThat(denied.httpStatusFor(WireProtocol.AWS_QUERY)).isEqualTo(403);
        assertThat(denied.codeFor(WireProtocol.AWS_JSON_1_1)).isEqualTo("AccessDeniedException");
        assertThat(denied.httpStatusFor(WireProtocol.AWS_JSON_1_1)).isEqualTo(400);
    }
}
