package dev.gatehouse.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.gatehouse.application.service.RuntimeSettingsService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every use case port is wired to its service. {@code @Import} makes a bean per injection point (it
 * gives no scope), which is only right for services without state: each must hold final fields only.
 */
@MicronautTest(transactional = false)
class UseCaseWiringTest extends HttpTest {
    @Inject
    ApplicationContext context;

    @Test
    void everyUseCaseResolvesToAStatelessService() {
        List<Class<?>> ports = new ClassFileImporter().importPackages("dev.gatehouse.application.port.in").stream()
                .filter(JavaClass::isInterface).filter(c -> c.getSimpleName().endsWith("UseCase"))
                .<Class<?>>map(JavaClass::reflect).toList();
        assertFalse(ports.isEmpty());
        List<Class<?>> shared = List.of(dev.gatehouse.application.service.SessionIssuer.class,
                dev.gatehouse.application.service.Throttle.class, dev.gatehouse.application.service.AccountMail.class,
                dev.gatehouse.application.service.PasswordConfirmation.class);
        for (Class<?> port : java.util.stream.Stream.concat(ports.stream(), shared.stream()).toList()) {
            Object bean = context.getBean(port);
            assertTrue(port.isInstance(bean) && (bean.getClass().getSimpleName().endsWith("Service") || shared.contains(port)), port.getName());
            for (java.lang.reflect.Field field : bean.getClass().getDeclaredFields()) {
                assertTrue(java.lang.reflect.Modifier.isFinal(field.getModifiers()) || bean.getClass() == RuntimeSettingsService.class,
                        bean.getClass().getSimpleName() + "." + field.getName() + " is state: such a service must be a singleton");
            }
        }
    }
}
