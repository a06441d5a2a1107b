package io.intelligencecrm.core.identity;

import java.util.UUID;

/** Told when sessions end early, so caches of "is this session active" forget them at once. */
public interface SessionRevocations {
    void sessionRevoked(UUID sessionId);

    void userSessionsRevoked(UUID userId);

    SessionRevocations NONE = new SessionRevocations() {
        @Override
        public void sessionRevoked(UUID sessionId) {
        }

        @Override
        public void userSessionsRevoked(UUID userId) {
        }
    };
}
