package dev.bulwark.cloudtrail.internal;

import dev.bulwark.core.AccountId;
import dev.bulwark.core.Region;

/**
 * Where an event is kept: the account that receives it (the caller's, or for a failed
 * authentication the named key's owner, else the server's default account) and the region it
 * happened in (the credential scope's, else the server's default region).
 */
public record Attribution(AccountId account, Region region) {
}
