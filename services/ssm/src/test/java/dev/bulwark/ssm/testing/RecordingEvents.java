package dev.bulwark.ssm.testing;

import dev.bulwark.ssm.ParameterEvents;
import dev.bulwark.store.WriteTransaction;
import java.util.ArrayList;
import java.util.List;

/** Keeps the policy events raised, in order. */
public final class RecordingEvents implements ParameterEvents {
    public final List<PolicyAction> actions = new ArrayList<>();

    @Override
    public void policyAction(WriteTransaction tx, PolicyAction action) {
        actions.add(action);
    }
}
