package dev.gatehouse.application.service;

import dev.gatehouse.application.error.NotFoundException;
import dev.gatehouse.application.error.ValidationFailedException;
import dev.gatehouse.application.port.in.UpdateProfileUseCase;
import dev.gatehouse.application.port.out.DuplicateUserException;
import dev.gatehouse.application.port.out.Transactions;
import dev.gatehouse.application.port.out.UserRepository;
import dev.gatehouse.domain.user.User;

public final class UpdateProfileService implements UpdateProfileUseCase {
    private final UserRepository users;
    private final Transactions transactions;

    public UpdateProfileService(UserRepository users, Transactions transactions) {
        this.users = users;
        this.transactions = transactions;
    }

    @Override
    public User updateProfile(UpdateProfileCommand command) {
        try {
            return transactions.inTransaction(() -> {
                User user = users.findById(command.caller().user().id()).orElseThrow(() -> new NotFoundException("User"));
                var username = command.profile().username();
                if (username != null && users.findByUsername(username).filter(other -> !other.id().equals(user.id())).isPresent()) {
                    throw ValidationFailedException.of("username", RegisterUserService.USERNAME_TAKEN);
                }
                user.updateProfile(command.profile());
                users.update(user);
                return user;
            });
        } catch (DuplicateUserException raced) {
            throw ValidationFailedException.of("username", RegisterUserService.USERNAME_TAKEN);
        }
    }
}
