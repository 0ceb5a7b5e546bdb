package dev.bulwark.kms.internal.imports;

import dev.bulwark.core.CommonErrors;
import dev.bulwark.core.Validation;
import dev.bulwark.core.call.Caller;
import dev.bulwark.crypto.DecryptionFailedException;
import dev.bulwark.crypto.SecretBytes;
import dev.bulwark.crypto.kms.AsymmetricKeyPair;
import dev.bulwark.crypto.kms.ImportUnwrapper;
import dev.bulwark.crypto.kms.KeyGenerator;
import dev.bulwark.crypto.kms.KeySpec;
import dev.bulwark.crypto.kms.WrappingAlgorithm;
import dev.bulwark.kms.internal.ExpirationModel;
import dev.bulwark.kms.internal.ImportedMaterialExpiry;
import dev.bulwark.kms.internal.KeyAccess;
import dev.bulwark.kms.internal.KeyMaterial;
import dev.bulwark.kms.internal.KeyMaterialRecord;
import dev.bulwark.kms.internal.KeyOrigin;
import dev.bulwark.kms.internal.KeyRecord;
import dev.bulwark.kms.internal.KeyState;
import dev.bulwark.kms.internal.KmsConditions;
import dev.bulwark.kms.internal.KmsCore;
import dev.bulwark.kms.internal.KmsErrors;
import dev.bulwark.kms.internal.KmsKey;
import dev.bulwark.kms.internal.KmsRecords;
import dev.bulwark.kms.internal.KmsRecords.ListedMaterial;
import dev.bulwark.kms.internal.KmsTransactions;
import dev.bulwark.kms.internal.MaterialStates;
import dev.bulwark.kms.internal.MultiRegionFamily;
import dev.bulwark.kms.internal.imports.ImportTokens.Issued;
import dev.bulwark.kms.internal.imports.ImportTokens.Redeemed;
import dev.bulwark.kms.internal.imports.ImportedMaterials.Checked;
import dev.bulwark.store.ReadTransaction;
import dev.bulwark.store.WriteTransaction;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.DeleteImportedKeyMaterialResponse;
import software.amazon.awssdk.services.kms.model.GetParametersForImportRequest;
import software.amazon.awssdk.services.kms.model.GetParametersForImportResponse;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialRequest;
import software.amazon.awssdk.services.kms.model.ImportKeyMaterialResponse;

/**
 * GetParametersForImport, ImportKeyMaterial and DeleteImportedKeyMaterial, for keys created with
 * Origin EXTERNAL; every other origin answers AWS's recorded
 * {@code arn:... origin is AWS_KMS which is not valid for this operation.}
 *
 * <p>GetParametersForImport generates a fresh RSA (or SM2) wrapping key pair and hands out its
 * public key with a single-use token that is valid for 24 hours ({@link ImportTokens}).
 * ImportKeyMaterial unwraps the material with the token's private key ({@link ImportUnwrapper}:
 * RSAES-OAEP, or RSA-OAEP of an AES key followed by AES-KWP), checks it fits the key
 * ({@link ImportedMaterials}) and stores it sealed, as AWS's model has it:
 *
 * <ul>
 *   <li>The first import (ImportType NEW_KEY_MATERIAL, the default for a key that never had
 *       material) makes the material the key's current one and the key Enabled.</li>
 *   <li>Importing again the same material (EXISTING_KEY_MATERIAL, the default afterwards) restores
 *       deleted or expired material and sets its expiry anew; other material is
 *       IncorrectKeyMaterialException. The key is Enabled again once all its material is back.</li>
 *   <li>A symmetric key may take new material for rotation (NEW_KEY_MATERIAL): it waits in state
 *       PENDING_ROTATION until RotateKeyOnDemand makes it current; one at a time. Asymmetric and
 *       HMAC keys keep their first material for life.</li>
 *   <li>A multi-Region key takes new material in its primary only; each replica then imports the
 *       same material (EXISTING_KEY_MATERIAL), whose id and public key it already knows.</li>
 *   <li>KEY_MATERIAL_EXPIRES (the default) needs a ValidTo at most 365 days ahead; a durable job
 *       deletes the material then ({@link KeyMaterialExpiryJob}).</li>
 * </ul>
 */
public final class KeyMaterialImport {
    static final Duration TOKEN_LIFETIME = Duration.ofHours(24);
    static final Duration LONGEST_VALIDITY = Duration.ofDays(365);
    // The model's enum sets (AWS's message order for these is not recorded).
    private static final List<String> WRAPPING_ALGORITHMS = List.of("RSAES_PKCS1_V1_5", "RSAES_OAEP_SHA_1",
            "RSAES_OAEP_SHA_256", "RSA_AES_KEY_WRAP_SHA_1", "RSA_AES_KEY_WRAP_SHA_256", "SM2PKE");
    private static final List<String> WRAPPING_KEY_SPECS = List.of("RSA_2048", "RSA_3072", "RSA_4096", "SM2");
    private static final List<String> EXPIRATION_MODELS = List.of("KEY_MATERIAL_EXPIRES", "KEY_MATERIAL_DOES_NOT_EXPIRE");
    private static final List<String> IMPORT_TYPES = List.of("NEW_KEY_MATERIAL", "EXISTING_KEY_MATERIAL");
    private static final Pattern MATERIAL_DESCRIPTION = Pattern.compile("^[a-zA-Z0-9:/_\\s.-]+$");
    private static final Pattern MATERIAL_ID = Pattern.compile("^[a-f0-9]+$");
    private static final Set<KeyState> IMPORTABLE = EnumSet.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingImport);
    private static final Set<KeyState> DELETABLE = EnumSet.of(KeyState.Enabled, KeyState.Disabled, KeyState.PendingImport,
            KeyState.PendingDeletion, KeyState.PendingReplicaDeletion);

    private final KmsTransactions transactions;
    private final KmsRecords records;
    private final KeyAccess access;
    private final MultiRegionFamily multiRegionFamily;
    private final ImportTokens tokens;
    private final ImportedMaterialRemoval removal;
    private final Clock clock;
    private final SecureRandom random;

    public KeyMaterialImport(KmsCore core) {
        this.transactions = core.transactions();
        this.records = core.records();
        this.access = core.access();
        this.multiRegionFamily = core.multiRegionFamily();
        this.tokens = new ImportTokens(core.jobs(), core.random());
        this.removal = new ImportedMaterialRemoval(core.records(), core.multiRegionFamily(), core.jobs());
        this.clock = core.clock();
        this.random = core.random();
    }

    public GetParametersForImportResponse getParametersForImport(Caller caller, GetParametersForImportRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("wrappingAlgorithm", request.wrappingAlgorithmAsString())
                .oneOf("wrappingAlgorithm", request.wrappingAlgorithmAsString(), WRAPPING_ALGORITHMS)
                .required("wrappingKeySpec", request.wrappingKeySpecAsString())
                .oneOf("wrappingKeySpec", request.wrappingKeySpecAsString(), WRAPPING_KEY_SPECS)
                .orThrow();
        WrappingAlgorithm algorithm = WrappingAlgorithm.fromWireName(request.wrappingAlgorithmAsString())
                .orElseThrow(() -> KmsErrors.unsupportedOperation("The RSAES_PKCS1_V1_5 wrapping algorithm is no longer supported."));
        KeySpec wrappingSpec = KeySpec.fromWireName(request.wrappingKeySpecAsString()).orElseThrow();
        if (!algorithm.supports(wrappingSpec)) {
            throw KmsErrors.unsupportedOperation("Wrapping algorithm " + algorithm.wireName()
                    + " cannot be used with wrapping key spec " + wrappingSpec.wireName() + ".");
        }
        UnaryOperator<KmsConditions> conditions = c -> c.put("kms:WrappingAlgorithm", algorithm.wireName())
                .put("kms:WrappingKeySpec", wrappingSpec.wireName());
        // Checked before generating: an RSA_4096 key pair takes a second or more, and the store's
        // writer is never held for it.
        transactions.read(tx -> importableKey(tx, caller, request.keyId(), "kms:GetParametersForImport", conditions));
        AsymmetricKeyPair wrappingKey = KeyGenerator.generateKeyPair(wrappingSpec, random);
        Instant validTo = clock.instant().plus(TOKEN_LIFETIME).truncatedTo(ChronoUnit.MILLIS);
        try {
            TokenForKey issued = transactions.write(tx -> {
                KmsKey key = importableKey(tx, caller, request.keyId(), "kms:GetParametersForImport", conditions);
                return new TokenForKey(key, tokens.issue(tx, key, algorithm, wrappingKey, validTo));
            });
            return GetParametersForImportResponse.builder()
                    .keyId(issued.key().arn())
                    .importToken(SdkBytes.fromByteArrayUnsafe(issued.token().token()))
                    .publicKey(SdkBytes.fromByteArrayUnsafe(wrappingKey.publicKey()))
                    .parametersValidTo(issued.token().validTo())
                    .build();
        } finally {
            wrappingKey.privateKey().destroy();
        }
    }

    public ImportKeyMaterialResponse importKeyMaterial(Caller caller, ImportKeyMaterialRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .required("importToken", request.importToken())
                .length("importToken", request.importToken(), 1, 6144)
                .required("encryptedKeyMaterial", request.encryptedKeyMaterial())
                .length("encryptedKeyMaterial", request.encryptedKeyMaterial(), 1, 6144)
                .oneOf("expirationModel", request.expirationModelAsString(), EXPIRATION_MODELS)
                .oneOf("importType", request.importTypeAsString(), IMPORT_TYPES)
                .length("keyMaterialDescription", request.keyMaterialDescription(), 0, 256)
                .pattern("keyMaterialDescription", request.keyMaterialDescription(), MATERIAL_DESCRIPTION)
                .length("keyMaterialId", request.keyMaterialId(), 64, 64)
                .pattern("keyMaterialId", request.keyMaterialId(), MATERIAL_ID)
                .orThrow();
        Instant now = clock.instant();
        ExpirationModel model = request.expirationModelAsString() == null
                ? ExpirationModel.KEY_MATERIAL_EXPIRES : ExpirationModel.valueOf(request.expirationModelAsString());
        Instant validTo = validTo(model, request.validTo(), now);
        UnaryOperator<KmsConditions> conditions = c -> {
            c.put("kms:ExpirationModel", model.name());
            return validTo == null ? c : c.put("kms:ValidTo", String.valueOf(validTo.getEpochSecond()));
        };
        MaterialForKey imported = transactions.write(tx -> {
            KmsKey key = importableKey(tx, caller, request.keyId(), "kms:ImportKeyMaterial", conditions);
            Redeemed token = tokens.redeem(tx, key, request.importToken().asByteArrayUnsafe(), now);
            SecretBytes material = unwrap(token, request.encryptedKeyMaterial());
            try {
                Checked checked = ImportedMaterials.check(key, material);
                try {
                    return new MaterialForKey(key, importInto(tx, key, checked, new ImportRequest(request.importTypeAsString(),
                            request.keyMaterialId(), request.keyMaterialDescription(), validTo, now)));
                } finally {
                    checked.secret().destroy();
                }
            } finally {
                material.destroy();
            }
        });
        ImportKeyMaterialResponse.Builder response = ImportKeyMaterialResponse.builder().keyId(imported.key().arn());
        if (imported.key().spec() == KeySpec.SYMMETRIC_DEFAULT) {
            response.keyMaterialId(imported.materialId());
        }
        return response.build();
    }

    /**
     * Deletes the named material, or the current one; the key becomes PendingImport (unless it is
     * pending deletion) until the same material is imported again.
     */
    public DeleteImportedKeyMaterialResponse deleteImportedKeyMaterial(Caller caller, DeleteImportedKeyMaterialRequest request) {
        Validation.check()
                .requiredText("keyId", request.keyId(), 1, 2048)
                .length("keyMaterialId", request.keyMaterialId(), 64, 64)
                .pattern("keyMaterialId", request.keyMaterialId(), MATERIAL_ID)
                .orThrow();
        MaterialForKey deleted = transactions.write(tx -> {
            KmsKey key = access.forManagement(tx, caller, request.keyId(), "kms:DeleteImportedKeyMaterial");
            requireExternal(key);
            key.requireState(DELETABLE);
            String materialId = request.keyMaterialId() != null ? request.keyMaterialId() : key.record().currentMaterialId();
            if (materialId == null) {
                return new MaterialForKey(key, null);
            }
            ListedMaterial material = find(tx, key, materialId)
                    .orElseThrow(() -> KmsErrors.keyMaterialNotFound(key.arn(), materialId));
            if (material.present() || material.record().pendingRotation()) {
                removal.remove(tx, key, material.record());
            }
            return new MaterialForKey(key, materialId);
        });
        DeleteImportedKeyMaterialResponse.Builder response = DeleteImportedKeyMaterialResponse.builder().keyId(deleted.key().arn());
        if (deleted.key().spec() == KeySpec.SYMMETRIC_DEFAULT && deleted.materialId() != null) {
            response.keyMaterialId(deleted.materialId());
        }
        return response.build();
    }

    /** What an ImportKeyMaterial request asks for, beyond the material. */
    private record ImportRequest(String importType, String keyMaterialId, String description, Instant validTo, Instant now) {
    }

    private record TokenForKey(KmsKey key, Issued token) {
    }

    private record MaterialForKey(KmsKey key, String materialId) {
    }

    /** Stores the material under the key with AWS's import rules; returns its id. */
    private String importInto(WriteTransaction tx, KmsKey key, Checked checked, ImportRequest request) {
        List<ListedMaterial> materials = records.listMaterials(tx, key.scope(), key.keyId());
        Optional<ListedMaterial> known = materials.stream()
                .filter(listed -> listed.record().materialId().equals(checked.materialId()))
                .findFirst();
        boolean newMaterial = request.importType() == null ? materials.isEmpty() : request.importType().equals("NEW_KEY_MATERIAL");
        if (request.keyMaterialId() != null) {
            if (newMaterial) {
                throw CommonErrors.validation("A KeyMaterialId cannot be specified when the ImportType is NEW_KEY_MATERIAL.");
            }
            if (!request.keyMaterialId().equals(checked.materialId())) {
                throw KmsErrors.incorrectKeyMaterial("The key material does not match key material " + request.keyMaterialId()
                        + " of " + key.arn() + ".");
            }
        }
        KeyMaterialRecord stored;
        if (newMaterial) {
            stored = newMaterial(tx, key, materials, known, checked, request);
        } else {
            KeyMaterialRecord existing = known.map(ListedMaterial::record).orElseThrow(() -> KmsErrors.incorrectKeyMaterial(
                    "The key material is not the key material previously imported into " + key.arn() + "."));
            stored = existing.reimported(request.validTo(),
                    request.description() != null ? request.description() : existing.description());
        }
        records.putMaterial(tx, key.scope(), new KeyMaterial(stored, checked.secret()));
        removal.scheduleExpiry(tx, key, stored.materialId(), request.validTo());

        KeyRecord updated = key.record().currentMaterialId() == null ? key.record().withCurrentMaterial(stored.materialId()) : key.record();
        KmsKey withMaterial = key.with(updated.withImportedMaterial(
                ImportedMaterialExpiry.summarize(records.listMaterials(tx, key.scope(), key.keyId()))));
        if (withMaterial.state() == KeyState.PendingImport && !records.awaitsImport(tx, withMaterial)) {
            withMaterial = withMaterial.with(withMaterial.record().withState(KeyState.Enabled));
        }
        records.putKey(tx, withMaterial);
        return stored.materialId();
    }

    /**
     * New material: the key's first, or (symmetric keys only) the next one waiting for rotation.
     * A multi-Region primary tells its replicas the material's id, so each can import it.
     */
    private KeyMaterialRecord newMaterial(WriteTransaction tx, KmsKey key, List<ListedMaterial> materials,
            Optional<ListedMaterial> known, Checked checked, ImportRequest request) {
        if (MultiRegionFamily.isReplica(key)) {
            throw KmsErrors.notMultiRegionPrimary(key.arn());
        }
        if (known.isPresent()) {
            throw KmsErrors.incorrectKeyMaterial("The key material is already imported into " + key.arn()
                    + "; import it again with ImportType EXISTING_KEY_MATERIAL.");
        }
        boolean forRotation = !materials.isEmpty();
        if (forRotation && key.spec() != KeySpec.SYMMETRIC_DEFAULT) {
            throw KmsErrors.incorrectKeyMaterial("The key material of " + key.arn()
                    + " cannot change: asymmetric and HMAC keys keep the key material of their first import.");
        }
        Optional<ListedMaterial> pending = MaterialStates.pendingRotation(materials);
        if (pending.isPresent()) {
            throw KmsErrors.invalidState("New key material (id: " + checked.materialId() + ") cannot be imported into KMS key "
                    + key.arn() + ", because another key material (id: " + pending.get().record().materialId()
                    + ") is pending rotation.");
        }
        KeyMaterialRecord record = new KeyMaterialRecord(key.keyId(), checked.materialId(), request.now(), KeyOrigin.EXTERNAL,
                checked.publicKey(), request.validTo(), request.description(), forRotation, null, null);
        // Each replica learns the material's id without the material, and imports the material itself.
        KeyMaterialRecord announced = new KeyMaterialRecord(key.keyId(), checked.materialId(), request.now(), KeyOrigin.EXTERNAL,
                checked.publicKey(), null, null, forRotation, null, null);
        for (KmsKey replica : multiRegionFamily.others(tx, key)) {
            records.putAbsentMaterial(tx, replica.scope(), announced);
            if (replica.record().currentMaterialId() == null) {
                records.putKey(tx, replica.with(replica.record().withCurrentMaterial(checked.materialId())));
            }
        }
        return record;
    }

    /** ValidTo as the expiration model requires it: present, in the future and at most 365 days ahead, or absent. */
    private static Instant validTo(ExpirationModel model, Instant validTo, Instant now) {
        if (model == ExpirationModel.KEY_MATERIAL_DOES_NOT_EXPIRE) {
            if (validTo != null) {
                throw CommonErrors.validation("A validTo date must not be set if the ExpirationModel is KEY_MATERIAL_DOES_NOT_EXPIRE");
            }
            return null;
        }
        if (validTo == null) {
            throw CommonErrors.validation("A validTo date must be set if the ExpirationModel is KEY_MATERIAL_EXPIRES");
        }
        if (!validTo.isAfter(now)) {
            throw CommonErrors.validation("The validTo date must be in the future.");
        }
        if (validTo.isAfter(now.plus(LONGEST_VALIDITY))) {
            throw CommonErrors.validation("The validTo date must be at most 365 days in the future.");
        }
        return validTo;
    }

    /** An EXTERNAL key in a state that takes imports, found and authorized. */
    private KmsKey importableKey(ReadTransaction tx, Caller caller, String keyId, String action,
            UnaryOperator<KmsConditions> conditions) {
        KmsKey key = access.forManagement(tx, caller, keyId, action, conditions);
        requireExternal(key);
        key.requireState(IMPORTABLE);
        return key;
    }

    private static void requireExternal(KmsKey key) {
        if (key.record().origin() != KeyOrigin.EXTERNAL) {
            throw KmsErrors.originNotValid(key.arn(), key.record().origin());
        }
    }

    private Optional<ListedMaterial> find(ReadTransaction tx, KmsKey key, String materialId) {
        return records.listMaterials(tx, key.scope(), key.keyId()).stream()
                .filter(listed -> listed.record().materialId().equals(materialId))
                .findFirst();
    }

    /**
     * Any failure to unwrap is one InvalidCiphertextException, which does not say which part was
     * wrong. This copy of the wrapping private key is wiped either way (a failed import leaves
     * the stored token usable).
     */
    private static SecretBytes unwrap(Redeemed token, SdkBytes encryptedKeyMaterial) {
        try {
            return ImportUnwrapper.unwrap(token.record().wrappingKeySpec(), token.record().wrappingAlgorithm(),
                    token.wrappingPrivateKey(), encryptedKeyMaterial.asByteArrayUnsafe());
        } catch (DecryptionFailedException wrongKeyOrAltered) {
            throw KmsErrors.invalidCiphertext();
        } finally {
            token.wrappingPrivateKey().destroy();
        }
    }
}
