package io.aviary.bot.mqtt;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One RPC command: its topic suffix ({@code CommandTopicSpecs}), how its request is read, which {@link BotCommands}
 * method answers it, and its error response (the command's Response with defaults, status 400).
 */
record CommandRoute<Q extends CommandRequest>(
    String name,
    Function<RequestFields, Q> parser,
    BiFunction<BotCommands, Q, CommandResponse> handler,
    Function<String, CommandResponse> failure) {

  static final List<CommandRoute<?>> ALL = List.of(
      new CommandRoute<>("start", CommandRequest.StartRequest::from, BotCommands::start,
          CommandResponse.StartResponse::error),
      new CommandRoute<>("stop", CommandRequest.StopRequest::from, BotCommands::stop,
          CommandResponse.StopResponse::error),
      new CommandRoute<>("config", CommandRequest.ConfigRequest::from, BotCommands::config,
          CommandResponse.ConfigResponse::error),
      new CommandRoute<>("import", CommandRequest.ImportRequest::from, BotCommands::importStrategy,
          CommandResponse.ImportResponse::error),
      new CommandRoute<>("status", CommandRequest.StatusRequest::from, BotCommands::status,
          CommandResponse.StatusResponse::error),
      new CommandRoute<>("history", CommandRequest.HistoryRequest::from, BotCommands::history,
          CommandResponse.HistoryResponse::error),
      new CommandRoute<>("balance/limit", CommandRequest.BalanceLimitRequest::from, BotCommands::balanceLimit,
          CommandResponse.BalanceResponse::error),
      new CommandRoute<>("balance/paper", CommandRequest.BalancePaperRequest::from, BotCommands::balancePaper,
          CommandResponse.BalanceResponse::error));

  /** Reads the request and runs the handler; {@link InvalidRequestException} when the request does not validate. */
  CommandResponse invoke(BotCommands commands, RequestFields fields) {
    Q request = parser.apply(fields);
    CommandResponse response = handler.apply(commands, request);
    return response == null ? failure.apply(name + " handler returned no response") : response;
  }
}
