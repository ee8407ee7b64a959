package be.ocmw.merge.web.internal;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.Set;

/**
 * Every error as a page in the reader's language (403, 404, a refused upload, 500), also for {@code curl}: what
 * happened and what to do, with the status code to quote to the helpdesk. It replaces Spring Boot's error controller,
 * whose pages and JSON bodies speak English.
 */
@Controller
@ConditionalOnWebApplication
class ErrorPages implements ErrorController {

    /** The statuses with their own words; any other says what a 4xx or a 5xx means in general. */
    private static final Set<Integer> EXPLAINED = Set.of(400, 401, 403, 404, 405, 413, 500);

    @RequestMapping("/error")
    String error(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("kind", EXPLAINED.contains(status) ? String.valueOf(status) : status >= 500 ? "5xx" : "4xx");
        model.addAttribute("path", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
        model.addAttribute("refused", request.getAttribute(TypedFieldsFilter.REFUSED) instanceof be.ocmw.merge.domain.Reason reason
                ? Pages.text().reason(reason) : null);
        return "error";
    }
}
