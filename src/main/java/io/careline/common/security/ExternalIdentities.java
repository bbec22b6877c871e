package io.careline.common.security;

import io.careline.common.wire.Text;
import java.util.regex.Pattern;

/**
 * Users known to another platform by platform and platform user id (seed 004: ids repeat across platforms, so
 * the pair is the key). Each pair is one Careline user, {@code ext:<platform>:<platformUserId>}; a token may carry
 * the pair ({@link #PLATFORM_CLAIM}, {@link #PLATFORM_USER_CLAIM}) instead of {@code sub}.
 */
public final class ExternalIdentities {
    public static final String PLATFORM_CLAIM = "platform";
    public static final String PLATFORM_USER_CLAIM = "platform_user_id";
    /** A platform name cannot hold ':', so the user id reads back into exactly one pair. */
    public static final String PLATFORM_PATTERN = "[A-Za-z0-9_.-]{1,32}";
    public static final int MAX_PLATFORM_USER_ID = 64;
    private static final Pattern PLATFORM = Pattern.compile(PLATFORM_PATTERN);

    private ExternalIdentities() {
    }

    public static String userIdOf(String platform, String platformUserId) {
        return "ext:" + platform + ":" + platformUserId;
    }

    /** Why the pair names no user, or null when it does. */
    public static String problem(String platform, String platformUserId) {
        if (!PLATFORM.matcher(platform).matches()) {
            return "platform must be 1 to 32 letters, digits or _.-";
        }
        String idProblem = Text.identifierProblem(platformUserId, MAX_PLATFORM_USER_ID);
        return idProblem == null ? null : "platform_user_id " + idProblem;
    }
}
