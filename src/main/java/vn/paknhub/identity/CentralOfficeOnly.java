package vn.paknhub.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * The Central Party Office's own operations (it runs the system, Đ21): the triage queue, deliveries,
 * connectors, credentials, mail, paper, parked work, the access log and the evidence. Checked by Spring
 * method security before the handler runs, on the authority both of its bodies' sign-ins carry: its machine
 * credential ({@link MachineCredentials}) and its officers in the console ({@link OfficerSignIn}).
 *
 * <p>On a class, every handler of the controller is the Central Party Office's. A refusal answers as a
 * hand-made check did: 401 problem+json without a caller, 403 {@code centralOfficeOnly} otherwise
 * ({@code core.problem.ProblemHandler}), the forbidden page in the console ({@code console.ConsoleProblems}).
 * Which cases a body may see is not a role but data: {@code agency.AgencyAccess#access} decides it.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PreAuthorize("hasAuthority('" + MachineCredentials.ROLE_CENTRAL_OFFICE + "')")
public @interface CentralOfficeOnly {
}
