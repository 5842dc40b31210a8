package vn.paknhub.console;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Controller;

/**
 * A controller of console pages. Each capability keeps its own desk (the paper channel its scan
 * verification, the mail channel its mail desk); this marks them as the console's, so that every one shares
 * the console's bar and answers a refusal with a page, never JSON.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Controller
public @interface ConsolePage {

    @AliasFor(annotation = Controller.class)
    String value() default "";
}
