package vn.paknhub.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import vn.paknhub.core.problem.ApiProblem;

/** A refusal on a console page is a page too (Vietnamese, then English), never JSON or a stack trace. */
// before the API's problem+json handler, for the console's own controllers only
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackageClasses = ConsoleProblems.class)
class ConsoleProblems {

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem p, Model model, HttpServletResponse response) {
        response.setStatus(p.status().value());
        model.addAttribute("title", p.titleVi());
        model.addAttribute("titleEn", p.titleEn());
        return "console/problem";
    }

    /**
     * Method security refused the page (identity.CentralOfficeOnly): the forbidden page, as the filter chain's
     * role check shows it (/console/forbidden). Rendered here rather than forwarded there, so the access log
     * holds this request with its 403 — and a refused form post is not forwarded as a post to a page read by GET.
     */
    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return ConsoleController.forbidden(model);
    }
}
