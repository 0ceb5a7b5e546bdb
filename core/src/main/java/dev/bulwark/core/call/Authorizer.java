package dev.bulwark.core.call;

/**
 * Decides whether a call may go ahead. One implementation serves every service, so that
 * identity policies, resource policies and grants are evaluated the same way everywhere.
 */
@FunctionalInterface
public interface Authorizer {

    /** The outcome; a denial says why, in the words AWS's AccessDeniedException uses. */
    record Decision(boolean allowed, String reason) {
        public static final Decision ALLOW = new Decision(true, "");

        public static Decision deny(String reason) {
            return new Decision(false, reason);
        }
    }

    Decision decide(Caller caller, AuthorizationRequest request);
}
