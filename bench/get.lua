-- GET one path with a bearer token: wrk -s get.lua URL -- TOKEN
function init(args)
    token = args[1]
end

function request()
    return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
end
