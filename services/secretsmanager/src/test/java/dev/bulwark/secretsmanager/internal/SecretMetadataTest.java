package dev.bulwark.secretsmanager.internal;

import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsError;
import static dev.bulwark.secretsmanager.testing.AwsErrors.assertAwsErrorCode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bulwark.secretsmanager.testing.SecretsTestKit;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SortOrderType;
import software.amazon.awssdk.services.secretsmanager.model.Tag;
import software.amazon.awssdk.services.secretsmanager.model.TagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.UntagResourceRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyRequest;
import software.amazon.awssdk.services.secretsmanager.model.ValidateResourcePolicyResponse;

/** Tags, ListSecrets and resource policies. */
class SecretMetadataTest {
    private static final String PUBLIC_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";
    private static final String ACCOUNT_POLICY = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:root"},
            "Action":"secretsmanager:GetSecretValue","Resource":"*"}]}""";

    private final SecretsTestKit kit = new SecretsTestKit();

    @AfterEach
    void close() {
        kit.close();
    }

    private void create(String name, String description) {
        kit.call(CreateSecretRequest.builder().name(name).description(description).secretString("v")
                .clientRequestToken(UUID.randomUUID().toString()).build());
        kit.clock.advance(Duration.ofSeconds(1));
    }

    private List<String> names(Filter... filters) {
        ListSecretsResponse listed = kit.call(ListSecretsRequest.builder().filters(filters).build());
        return listed.secretList().stream().map(SecretListEntry::name).toList();
    }

    private static Filter filter(FilterNameStringType key, String... values) {
        return Filter.builder().key(key).values(values).build();
    }

    @Test
    void tagsAreAddedReplacedAndRemovedAndDescribeShowsThemAsAws() {
        create("s", null);
        assertThat(kit.<DescribeSecretResponse>call(DescribeSecretRequest.builder().secretId("s").build()).hasTags()).isFalse();
        kit.call(TagResourceRequest.builder().secretId("s").tags(Tag.builder().key("tag1").value("value1").build()).build());
        kit.call(TagResourceRequest.builder().secretId("s").tags(Tag.builder().key("tag2").value("value2").build(),
                Tag.builder().key("tag1").value("changed").build()).build());
        DescribeSecretResponse tagged = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(tagged.tags()).containsExactly(Tag.builder().key("tag1").value("changed").build(), Tag.builder().key("tag2").value("value2").build());

        kit.call(UntagResourceRequest.builder().secretId("s").tagKeys("tag1", "tag2", "absent").build());
        DescribeSecretResponse untagged = kit.call(DescribeSecretRequest.builder().secretId("s").build());
        assertThat(untagged.hasTags()).isTrue();
        assertThat(untagged.tags()).isEmpty();
    }

    @Test
    void listFiltersMatchAsTheRecordedAwsScenario() {
        create("testing1/one-1", "a secret");
        create("/testing2/two-1", "an secret");
        create("testing3/three-1", "asecret");
        create("/testing4/four-1", "thesecret");

        assertThat(names(filter(FilterNameStringType.NAME, "/"))).containsExactly("/testing2/two-1", "/testing4/four-1");
        assertThat(names(filter(FilterNameStringType.NAME, "!/"))).containsExactly("testing1/one-1", "testing3/three-1");
        assertThat(names(filter(FilterNameStringType.NAME, "testing1 one"))).isEmpty();
        assertThat(names(filter(FilterNameStringType.DESCRIPTION, "a"))).containsExactly("testing1/one-1", "/testing2/two-1", "testing3/three-1");
        assertThat(names(filter(FilterNameStringType.DESCRIPTION, "!a"))).containsExactly("/testing4/four-1");
        assertThat(names(filter(FilterNameStringType.DESCRIPTION, "a secret"))).containsExactly("testing1/one-1", "/testing2/two-1");
        assertThat(names(filter(FilterNameStringType.DESCRIPTION, "a"), filter(FilterNameStringType.NAME, "secret"))).isEmpty();
        assertThat(names(filter(FilterNameStringType.DESCRIPTION, "!c"))).hasSize(4);
        assertThat(names(filter(FilterNameStringType.ALL, "THREE"))).containsExactly("testing3/three-1");
    }

    @Test
    void listSecretsSortsByCreationAndPages() {
        for (int i = 0; i < 5; i++) {
            create("s" + i, null);
        }
        ListSecretsResponse first = kit.call(ListSecretsRequest.builder().maxResults(2).sortOrder(SortOrderType.DESC).build());
        assertThat(first.secretList()).extracting(SecretListEntry::name).containsExactly("s4", "s3");
        ListSecretsResponse second = kit.call(ListSecretsRequest.builder().maxResults(2).sortOrder(SortOrderType.DESC).nextToken(first.nextToken()).build());
        assertThat(second.secretList()).extracting(SecretListEntry::name).containsExactly("s2", "s1");
        assertAwsErrorCode(() -> kit.call(ListSecretsRequest.builder().nextToken("bogus").build()), "InvalidNextTokenException");
        assertAwsError(() -> kit.call(ListSecretsRequest.builder().maxResults(101).build()), "ValidationException",
                "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
    }

    @Test
    void resourcePoliciesAreValidatedStoredAndPublicOnesBlockedOnRequest() {
        create("s", null);
        kit.call(PutResourcePolicyRequest.builder().secretId("s").resourcePolicy(PUBLIC_POLICY).build());
        assertThat(kit.<GetResourcePolicyResponse>call(GetResourcePolicyRequest.builder().secretId("s").build()).resourcePolicy())
                .isEqualTo(PUBLIC_POLICY);

        assertAwsErrorCode(() -> kit.call(PutResourcePolicyRequest.builder().secretId("s").resourcePolicy(PUBLIC_POLICY)
                .blockPublicPolicy(true).build()), "PublicPolicyException");
        kit.call(PutResourcePolicyRequest.builder().secretId("s").resourcePolicy(ACCOUNT_POLICY).blockPublicPolicy(true).build());
        assertAwsErrorCode(() -> kit.call(PutResourcePolicyRequest.builder().secretId("s").resourcePolicy("{not json").build()),
                "MalformedPolicyDocumentException");

        ValidateResourcePolicyResponse broad = kit.call(ValidateResourcePolicyRequest.builder().resourcePolicy(PUBLIC_POLICY).build());
        assertThat(broad.policyValidationPassed()).isFalse();
        ValidateResourcePolicyResponse fine = kit.call(ValidateResourcePolicyRequest.builder().secretId("s").resourcePolicy(ACCOUNT_POLICY).build());
        assertThat(fine.policyValidationPassed()).isTrue();
    }

    @Test
    void callsOnASecretPassItsPolicyAndConditionKeysToTheAuthorizer() {
        create("s", null);
        kit.call(TagResourceRequest.builder().secretId("s").tags(Tag.builder().key("team").value("red").build()).build());
        kit.call(PutResourcePolicyRequest.builder().secretId("s").resourcePolicy(ACCOUNT_POLICY).build());
        kit.authorizations.clear();
        kit.call(software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest.builder().secretId("s").versionStage("AWSCURRENT").build());

        var request = kit.authorizations.get(0);
        assertThat(request.action()).isEqualTo("secretsmanager:GetSecretValue");
        assertThat(request.resourceAccess().policy()).contains(ACCOUNT_POLICY);
        assertThat(request.conditionKeys()).containsEntry("secretsmanager:ResourceTag/team", List.of("red"))
                .containsEntry("aws:ResourceTag/team", List.of("red"))
                .containsEntry("secretsmanager:VersionStage", List.of("AWSCURRENT"))
                .containsEntry("secretsmanager:SecretId", List.of(request.resourceArn()));
    }
}
