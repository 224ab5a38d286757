-- Conditional PUTs, one section per connection (run with as many threads as connections):
-- wrk -t N -c N -s put.lua BASE -- TOKEN STRATEGY SECTION_1 … SECTION_N
-- Each thread keeps its section's ETag from the last response, so every request is a real edit that
-- changes one sentence of a multi-paragraph body.
local counter = 0

function setup(thread)
    counter = counter + 1
    thread:set("slot", counter)
end

function init(args)
    token = args[1]
    path = "/strategies/" .. args[2] .. "/sections/" .. args[2 + slot]
    etag = "\"1\""
    edits = 0
    paragraphs = {}
    for i = 1, 8 do
        paragraphs[i] = "Paragraph " .. i .. " of the benchmark section: the working group agrees that children, parents "
            .. "and teachers need clear information about online risks, and that every report of harm is answered quickly."
    end
end

function request()
    edits = edits + 1
    local body = table.concat(paragraphs, "\\n\\n") .. "\\n\\nEdit " .. slot .. "." .. edits .. " changes one sentence."
    return wrk.format("PUT", path, {
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
        ["If-Match"] = etag,
    }, '{"heading":"Benchmark section","body":"' .. body .. '"}')
end

function response(status, headers, body)
    local tag = headers["ETag"] or headers["etag"]
    if tag then etag = tag end
end
