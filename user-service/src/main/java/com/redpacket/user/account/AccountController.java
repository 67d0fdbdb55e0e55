package com.redpacket.user.account;

import com.redpacket.contracts.error.ErrorCode;
import com.redpacket.platform.openapi.ProblemResponses;
import com.redpacket.platform.web.CallerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Identity": register and login are public at the gateway, {@code me} needs a token. */
@RestController
@RequestMapping("/api/users")
@Tag(name = "Identity", description = "Registration, login and the caller's own account")
public class AccountController {
    private final AccountService accounts;

    public AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/register")
    @Operation(summary = "Register a user", description = "Public: no token. The username is unique ignoring case.")
    @ApiResponse(responseCode = "201", description = "Registered", useReturnTypeSchema = true)
    @ProblemResponses({ErrorCode.USERNAME_TAKEN, ErrorCode.RATE_LIMITED})
    public ResponseEntity<UserView> register(@RequestBody RegisterRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(accounts.register(request));
    }

    @PostMapping("/login")
    @Operation(summary = "Log in", description = "Public: no token. Answers the bearer token every other call needs; "
            + "a wrong password and an unknown user are the same 401.")
    @ApiResponse(responseCode = "200", description = "Logged in", useReturnTypeSchema = true)
    @ProblemResponses({ErrorCode.UNAUTHORIZED, ErrorCode.RATE_LIMITED})
    public ResponseEntity<LoginResponse> login(@RequestBody LoginRequest request) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(accounts.login(request));
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own account")
    @ProblemResponses(ErrorCode.USER_NOT_FOUND)
    public UserView me(@CallerId long caller) {
        return accounts.me(caller);
    }
}
