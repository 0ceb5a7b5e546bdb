package dev.bulwark.iam.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PolicyDocumentsTest {
    private static final String DOCUMENT = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": {\"Effect\": \"Allow\","
            + " \"Action\": \"s3:Get*\", \"Resource\": \"arn:aws:s3:::a+b/*\"}\n}";

    @Test
    void urlEncodesAsAwsReturnsDocuments() {
        assertThat(PolicyDocuments.urlEncoded("{\"Action\": \"*\"}")).isEqualTo("%7B%22Action%22%3A%20%22*%22%7D");
    }

    @Test
    void theEncodingDecodesBackWithFormDecodingAndWithPercentDecodingAlone() {
        String encoded = PolicyDocuments.urlEncoded(DOCUMENT);

        assertThat(URLDecoder.decode(encoded, StandardCharsets.UTF_8)).isEqualTo(DOCUMENT);
        // Python's urllib.parse.unquote (what the AWS CLI uses) leaves '+' alone: there must be none.
        assertThat(encoded).doesNotContain("+").contains("%2B").contains("%20");
    }

    @Test
    void sizeCountsCharactersButNotWhitespace() {
        assertThat(PolicyDocuments.size("{ \"a\" :\n\t\"b c\" }")).isEqualTo(10);
    }
}
