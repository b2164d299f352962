package dev.gatehouse.application.port.in;

import dev.gatehouse.domain.user.Profile;
import dev.gatehouse.domain.user.User;
import java.util.Objects;

public interface UpdateProfileUseCase {
    record UpdateProfileCommand(Principal caller, Profile profile) {
        public UpdateProfileCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(profile, "profile");
        }
    }

    /** Replaces the editable fields; the username must stay unique. */
    User updateProfile(UpdateProfileCommand command);
}
