package vn.paknhub.core;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Serves the contract in schemas/openapi.yaml, the document the implementation is tested against. */
@RestController
class ApiContractController {

    private static final Resource CONTRACT = new ClassPathResource("schemas/openapi.yaml");

    @GetMapping("/api/v1/openapi.yaml")
    ResponseEntity<Resource> contract() {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/yaml;charset=UTF-8")).body(CONTRACT);
    }
}
