package dev.gatehouse.bootstrap;

import dev.gatehouse.application.service.AccountMail;
import dev.gatehouse.application.service.BeginSocialLoginService;
import dev.gatehouse.application.service.CompleteSocialLoginService;
import dev.gatehouse.application.service.ConnectIdentityService;
import dev.gatehouse.application.service.DisconnectIdentityService;
import dev.gatehouse.application.service.ListIdentitiesService;
import dev.gatehouse.application.service.RedeemSocialLoginCodeService;
import dev.gatehouse.application.service.SignInWithProviderService;
import dev.gatehouse.application.service.SocialAccounts;
import dev.gatehouse.application.service.AdministerUsersService;
import dev.gatehouse.application.service.BeginPasskeyLogInService;
import dev.gatehouse.application.service.BeginPasskeyRegistrationService;
import dev.gatehouse.application.service.DeletePasskeyService;
import dev.gatehouse.application.service.ListPasskeysService;
import dev.gatehouse.application.service.LogInWithPasskeyService;
import dev.gatehouse.application.service.PasskeyCeremonies;
import dev.gatehouse.application.service.RegisterPasskeyService;
import dev.gatehouse.application.service.RenamePasskeyService;
import dev.gatehouse.application.service.AuthenticateService;
import dev.gatehouse.application.service.ChangeEmailService;
import dev.gatehouse.application.service.ChangePasswordService;
import dev.gatehouse.application.service.ConfirmEmailChangeService;
import dev.gatehouse.application.service.ConfirmPasswordResetService;
import dev.gatehouse.application.service.CreateAdminService;
import dev.gatehouse.application.service.DeleteAccountService;
import dev.gatehouse.application.service.DispatchMailService;
import dev.gatehouse.application.service.AdministerUserSessionsService;
import dev.gatehouse.application.service.ImportUsersService;
import dev.gatehouse.application.service.IntrospectTokenService;
import dev.gatehouse.application.service.ListSigningKeysService;
import dev.gatehouse.application.service.ManageMailOutboxService;
import dev.gatehouse.application.service.SendPasswordResetService;
import dev.gatehouse.application.service.ViewDashboardService;
import dev.gatehouse.application.service.ListSessionsService;
import dev.gatehouse.application.service.LogInService;
import dev.gatehouse.application.service.LogOutService;
import dev.gatehouse.application.service.PasswordConfirmation;
import dev.gatehouse.application.service.RecentLogin;
import dev.gatehouse.application.service.PublishKeysService;
import dev.gatehouse.application.service.QueryAuditService;
import dev.gatehouse.application.service.RefreshSessionService;
import dev.gatehouse.application.service.RegisterUserService;
import dev.gatehouse.application.service.RequestPasswordResetService;
import dev.gatehouse.application.service.ResendVerificationService;
import dev.gatehouse.application.service.RevokeSessionService;
import dev.gatehouse.application.service.RevokeTokenService;
import dev.gatehouse.application.service.RotateSigningKeyService;
import dev.gatehouse.application.service.SessionIssuer;
import dev.gatehouse.application.service.Throttle;
import dev.gatehouse.application.service.UpdateProfileService;
import dev.gatehouse.application.service.VerifyEmailService;
import dev.gatehouse.application.service.ConfirmTotpService;
import dev.gatehouse.application.service.DisableTotpService;
import dev.gatehouse.application.service.GetMfaStatusService;
import dev.gatehouse.application.service.RegenerateRecoveryCodesService;
import dev.gatehouse.application.service.ResetMfaService;
import dev.gatehouse.application.service.SecondFactors;
import dev.gatehouse.application.service.SetUpTotpService;
import dev.gatehouse.application.service.VerifyMfaService;
import io.micronaut.context.annotation.Import;

/**
 * The use cases and their shared collaborators, made beans from their single public constructor:
 * the application stays free of annotations, and a new use case is one line here. Each is built
 * with whatever its constructor names (ports, settings, collaborators), so nothing is repeated.
 * What needs configuration to be built (settings, the enumeration floor, adapters) is in the
 * factories beside this class.
 */
@Import(classes = {
        // Collaborators the use cases share.
        SessionIssuer.class, Throttle.class, AccountMail.class, PasswordConfirmation.class, RecentLogin.class,
        // Accounts and sessions.
        RegisterUserService.class, LogInService.class, RefreshSessionService.class, LogOutService.class,
        AuthenticateService.class, UpdateProfileService.class, ChangePasswordService.class, ListSessionsService.class,
        RevokeSessionService.class, PublishKeysService.class,
        // The standard OAuth endpoints.
        IntrospectTokenService.class, RevokeTokenService.class,
        // Mail flows.
        VerifyEmailService.class, ResendVerificationService.class, RequestPasswordResetService.class,
        ConfirmPasswordResetService.class, DispatchMailService.class,
        // Account lifecycle.
        DeleteAccountService.class, ChangeEmailService.class, ConfirmEmailChangeService.class,
        // Administration.
        AdministerUsersService.class, QueryAuditService.class, RotateSigningKeyService.class, CreateAdminService.class,
        ImportUsersService.class,
        // Passkeys.
        PasskeyCeremonies.class, BeginPasskeyRegistrationService.class, RegisterPasskeyService.class,
        BeginPasskeyLogInService.class, LogInWithPasskeyService.class, ListPasskeysService.class,
        RenamePasskeyService.class, DeletePasskeyService.class,
        // Second factors (TOTP and recovery codes).
        SecondFactors.class, SetUpTotpService.class, ConfirmTotpService.class, VerifyMfaService.class, DisableTotpService.class,
        RegenerateRecoveryCodesService.class, GetMfaStatusService.class, ResetMfaService.class,
        // The admin console's additions (also in the admin API).
        ViewDashboardService.class, AdministerUserSessionsService.class, SendPasswordResetService.class,
        ListSigningKeysService.class, ManageMailOutboxService.class,
        // Social login (outside identity providers).
        SocialAccounts.class, BeginSocialLoginService.class, CompleteSocialLoginService.class,
        RedeemSocialLoginCodeService.class, SignInWithProviderService.class, ConnectIdentityService.class,
        ListIdentitiesService.class, DisconnectIdentityService.class})
final class UseCases {
    private UseCases() {
    }
}
