// The thin wrapper around Qt HttpServer (a technology preview whose API changed after 6.4): all of it lives
// here.
#pragma once

#include "core/result.h"

#include <memory>

namespace kommo::sandbox {

class Sandbox;

// Listens on 127.0.0.1 only, hands each request to the sandbox's judge and writes its answer with a Date.
class HttpListener
{
public:
    explicit HttpListener(Sandbox *sandbox);
    ~HttpListener();

    Result<quint16> listenOnLoopback(quint16 port);

private:
    class Server;
    std::unique_ptr<Server> m_server;
};

} // namespace kommo::sandbox
