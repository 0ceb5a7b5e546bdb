package dev.bulwark.secretsmanager.internal.rotation;

/** The four steps of a rotation, in order, named as Lambda's rotation event names them. */
public enum RotationStep {
    CREATE_SECRET("createSecret"), SET_SECRET("setSecret"), TEST_SECRET("testSecret"), FINISH_SECRET("finishSecret");

    private final String eventName;

    RotationStep(String eventName) {
        this.eventName = eventName;
    }

    public String eventName() {
        return eventName;
    }
}
