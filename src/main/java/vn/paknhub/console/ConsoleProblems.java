package vn.paknhub.console;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import vn.paknhub.core.problem.ApiProblem;

/**
 * A refusal on a console page is a page too (Vietnamese, then English), never JSON or a stack trace; the
 * server's own failure as well, logged here with its cause for the operators.
 */
// before the API's problem+json handler, for the console's own controllers only
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(annotations = ConsolePage.class)
class ConsoleProblems {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleProblems.class);

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem p, Model model, HttpServletResponse response) {
        return page(model, response, p.status().value(), p.titleVi(), p.titleEn());
    }

    /** A value the page did not offer (a hand-edited address): said, not thrown. */
    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    String badRequest(Exception e, Model model, HttpServletResponse response) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return page(model, response, 400, "Giá trị «" + name + "» không hợp lệ", "The value of '" + name + "' is not valid");
    }

    /**
     * Method security refused the page (identity.CentralOfficeOnly): the forbidden page, as the filter chain's
     * role check shows it (/console/forbidden). Rendered here rather than forwarded there, so the access log
     * holds this request with its 403 — and a refused form post is not forwarded as a post to a page read by GET.
     */
    @ExceptionHandler(AccessDeniedException.class)
    String denied(AccessDeniedException e, Model model, HttpServletResponse response) {
        response.setStatus(403);
        return ConsoleController.forbidden(model);
    }

    @ExceptionHandler(Exception.class)
    String failure(Exception e, Model model, HttpServletResponse response) {
        LOG.error("Console page failed", e);
        return page(model, response, 500, "Hệ thống gặp lỗi khi xử lý yêu cầu; thao tác chưa được thực hiện. Hãy thử lại"
                + " hoặc báo quản trị hệ thống", "The hub failed to handle the request; nothing was done. Try again or"
                        + " tell the operators");
    }

    private static String page(Model model, HttpServletResponse response, int status, String vi, String en) {
        response.setStatus(status);
        model.addAttribute("title", vi);
        model.addAttribute("titleEn", en);
        return "console/problem";
    }
}
